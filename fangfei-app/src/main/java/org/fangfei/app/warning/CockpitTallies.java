package org.fangfei.app.warning;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import org.fangfei.app.shared.DataScope;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The cockpit's running tallies (V98), so the page sums a few thousand rows instead of a
 * million: subjects per village, sector and tier ({@code warning_tier_tally}, kept by
 * statement triggers on {@code warning_subject}, so every write path counts — a
 * recomputation, a subject moving village or sector, a subject first heard of), and clues
 * registered and closed per month and village ({@code warning_clue_month_tally}, kept by
 * {@link ClueFlow} with each new row of {@code warning_clue_flow}). The nightly pass
 * rebuilds both from their sources, so they cannot drift.
 */
@Service
class CockpitTallies {

	private final JdbcClient jdbc;

	CockpitTallies(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/**
	 * Subjects by township (9-digit prefix) and tier within the scope: rows {@code town},
	 * {@code tier}, {@code n}.
	 */
	List<Map<String, Object>> tiersByTownship(DataScope scope) {
		return this.jdbc.sql("""
				select substr(t.region_code, 1, 9) as town, t.tier, sum(t.n) as n from warning_tier_tally t
				where t.region_code like :regionLike and (not :sectorLimited or t.sector_code = any(:sectorCodes))
				group by 1, 2 having sum(t.n) <> 0
				""").params(scope.sqlParams()).query().listOfRows();
	}

	/**
	 * Clues by month and kind within the scope's region from {@code first}: rows
	 * {@code month}, {@code kind}, {@code n}.
	 */
	List<Map<String, Object>> cluesByMonth(DataScope scope, LocalDate first) {
		return this.jdbc.sql("""
				select t.month, t.kind, sum(t.n) as n from warning_clue_month_tally t
				where t.month >= :first and t.region_code like :like group by 1, 2
				""").param("first", first).param("like", scope.regionLike()).query().listOfRows();
	}

	/** Counts one new row of {@code warning_clue_flow}. */
	void clueCounted(LocalDate month, String regionCode, String kind) {
		this.jdbc.sql("""
				insert into warning_clue_month_tally (month, region_code, kind, n) values (:month, :region, :kind, 1)
				on conflict (month, region_code, kind) do update set n = warning_clue_month_tally.n + 1
				""").param("month", month).param("region", regionCode).param("kind", kind).update();
	}

	/**
	 * Both tallies recounted from their sources. The tallies are locked first, so a
	 * concurrent change either committed before the recount (and is in it) or waits and
	 * adds its delta to the new tally.
	 */
	@Transactional
	void rebuild() {
		this.jdbc.sql("lock table warning_tier_tally, warning_clue_month_tally in exclusive mode").update();
		this.jdbc.sql("delete from warning_tier_tally").update();
		this.jdbc.sql("""
				insert into warning_tier_tally (region_code, sector_code, tier, n)
				select region_code, coalesce(sector_code, ''), tier, count(*) from warning_subject group by 1, 2, 3
				""").update();
		this.jdbc.sql("delete from warning_clue_month_tally").update();
		this.jdbc.sql("""
				insert into warning_clue_month_tally (month, region_code, kind, n)
				select month, region_code, kind, count(*) from warning_clue_flow group by 1, 2, 3
				""").update();
	}

}
