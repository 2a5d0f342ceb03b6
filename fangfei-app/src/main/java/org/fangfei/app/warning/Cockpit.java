package org.fangfei.app.warning;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.fangfei.app.casefile.CaseDirectory;
import org.fangfei.app.shared.DataScope;
import org.fangfei.app.shared.Times;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

/**
 * The figures of the leaders' cockpit (领导驾驶舱), each with the list it opens: subjects by
 * tier and by township, the township map's colours, open cases, clue inflow and
 * close-outs for 12 months, warnings waiting and overdue. The counts by tier and month
 * come from running tallies ({@link CockpitTallies}), so the page reads a few thousand
 * rows however many subjects and clues there are.
 */
@Service
class Cockpit {

	/** One township: its counts by tier and the colour of its tile. */
	record Township(String code, String name, int col, int row, Map<Tier, Long> counts, long total, Tier worst,
			double riskShare) {

		public String link() {
			return "/warnings?town=" + this.code;
		}

	}

	/** A month's clue inflow and close-outs. */
	record Month(String month, long registered, long closed) {
	}

	/** Everything on the page. */
	record Figures(Map<Tier, Long> tiers, List<Township> townships, List<Month> months, long openWarnings,
			long overdueWarnings, List<CaseDirectory.CaseRef> cases, boolean customMap) {
	}

	/** Tiles per row of the schematic map. */
	static final int COLUMNS = 7;

	private final JdbcClient jdbc;

	private final CockpitTallies tallies;

	private final CaseDirectory cases;

	Cockpit(JdbcClient jdbc, CockpitTallies tallies, CaseDirectory cases) {
		this.jdbc = jdbc;
		this.tallies = tallies;
		this.cases = cases;
	}

	Figures figures(DataScope scope) {
		Map<String, Map<Tier, Long>> byTown = new LinkedHashMap<>();
		Map<Tier, Long> tiers = new EnumMap<>(Tier.class);
		for (Tier t : Tier.values()) {
			tiers.put(t, 0L);
		}
		for (Map<String, Object> row : this.tallies.tiersByTownship(scope)) {
			Tier t = Tier.valueOf((String) row.get("tier"));
			long n = ((Number) row.get("n")).longValue();
			byTown.computeIfAbsent((String) row.get("town"), k -> new EnumMap<>(Tier.class)).merge(t, n, Long::sum);
			tiers.merge(t, n, Long::sum);
		}
		List<Map<String, Object>> towns = this.jdbc.sql("""
				select code, name from region where level = 'TOWNSHIP' and enabled and code like :like order by code
				""").param("like", scope.regionLike()).query().listOfRows();
		List<Township> townships = new ArrayList<>();
		for (int i = 0; i < towns.size(); i++) {
			String code = (String) towns.get(i).get("code");
			Map<Tier, Long> counts = new EnumMap<>(Tier.class);
			for (Tier t : Tier.values()) {
				counts.put(t, byTown.getOrDefault(code.substring(0, 9), Map.of()).getOrDefault(t, 0L));
			}
			long total = counts.values().stream().mapToLong(Long::longValue).sum();
			Tier worst = counts.get(Tier.RED) > 0 ? Tier.RED
					: counts.get(Tier.ORANGE) > 0 ? Tier.ORANGE : counts.get(Tier.YELLOW) > 0 ? Tier.YELLOW : Tier.BLUE;
			double share = total == 0 ? 0 : (counts.get(Tier.RED) + counts.get(Tier.ORANGE)) * 100.0 / total;
			townships.add(new Township(code, (String) towns.get(i).get("name"), i % COLUMNS, i / COLUMNS, counts, total,
					worst, Math.round(share * 10) / 10.0));
		}
		Map<String, Object> p = scope.sqlParams();
		long open = count("select count(*) from warning w where w.status = 'OPEN' and", p);
		p.put("today", Times.today());
		long overdue = count("select count(*) from warning w where w.status = 'OPEN' and w.due_on < :today and", p);
		boolean custom = this.jdbc.sql("select count(*) from warning_map").query(Long.class).single() > 0;
		return new Figures(tiers, townships, months(scope), open, overdue, this.cases.recentOpen(scope, 8), custom);
	}

	List<Month> months(DataScope scope) {
		LocalDate first = Times.today().withDayOfMonth(1).minusMonths(11);
		Map<String, long[]> byMonth = new LinkedHashMap<>();
		for (int i = 0; i < 12; i++) {
			byMonth.put(first.plusMonths(i).toString().substring(0, 7), new long[2]);
		}
		this.tallies.cluesByMonth(scope, first).forEach(r -> {
			long[] v = byMonth.get(r.get("month").toString().substring(0, 7));
			if (v != null) {
				v["REGISTERED".equals(r.get("kind")) ? 0 : 1] = ((Number) r.get("n")).longValue();
			}
		});
		List<Month> months = new ArrayList<>();
		byMonth.forEach((m, v) -> months.add(new Month(m, v[0], v[1])));
		return months;
	}

	private long count(String sql, Map<String, Object> p) {
		return this.jdbc
			.sql(sql + " w.region_code like :regionLike and (not :sectorLimited or w.sector_code = any(:sectorCodes))")
			.params(p)
			.query(Long.class)
			.single();
	}

}
