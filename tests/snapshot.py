"""What a store holds, as values free of ids and record times: two stores built the same way
(one process or a Dask cluster, at once or killed and resumed) give equal snapshots."""

from __future__ import annotations

from sqlalchemy import Table, select

from chunav.store import Store, schema

SKIP = {"id", "recorded_at", "fact_key"}  # ids, digests of ids (fact keys), record times


def snapshot(store: Store) -> dict[str, list[str]]:
    """Every row of every table (but the migration bookkeeping), each foreign key replaced by
    the row it points to, rendered the same way; sorted, so that the order rows were written in
    does not count."""
    with store.connect() as conn:
        rows = {t.name: {r.id: r._asdict() for r in conn.execute(select(t))}
                for t in schema.metadata.sorted_tables if "id" in t.c}
    done: dict[tuple[str, int], str] = {}

    def render(table: Table, row_id: int | None) -> str:
        if row_id is None:
            return "-"
        if (table.name, row_id) not in done:
            done[table.name, row_id] = "…"  # a row reached again through itself
            row = rows[table.name][row_id]
            parts = []
            for name, value in sorted(row.items()):
                if name in SKIP:
                    continue
                refs = list(table.c[name].foreign_keys)
                if refs:
                    value = render(refs[0].column.table, value)
                elif table.name == "evidence" and name == "fact_id":
                    value = render(schema.metadata.tables[row["fact_type"]], value)
                parts.append(f"{name}={value}")
            done[table.name, row_id] = "(" + ", ".join(parts) + ")"
        return done[table.name, row_id]

    return {t.name: sorted(render(t, i) for i in rows[t.name])
            for t in schema.metadata.sorted_tables if t.name in rows}
