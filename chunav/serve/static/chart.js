// Draw the page's Vega-Lite chart from its JSON block (data only: never parsed as HTML).
(function () {
  var spec = document.getElementById("chart-spec");
  var target = document.getElementById("chart");
  if (!spec || !target || typeof vegaEmbed !== "function") { return; }
  vegaEmbed(target, JSON.parse(spec.textContent), { actions: false, renderer: "svg" })
    .catch(function (err) {
      target.textContent = "The chart could not be drawn: " + err;
    });
})();
