package org.fangfei.app.warning;

import java.time.LocalDate;
import java.time.OffsetDateTime;

import org.fangfei.app.clue.ClueEvent;
import org.fangfei.app.shared.Times;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;

/**
 * The cockpit's clue inflow and close-outs per month: one row per clue registered and per
 * clue closed (the first close; a repeated delivery adds nothing), by the clue's region,
 * each new row also counted in the cockpit's month tally ({@link CockpitTallies}).
 */
@Component
class ClueFlow {

	private final JdbcClient jdbc;

	private final CockpitTallies tallies;

	ClueFlow(JdbcClient jdbc, CockpitTallies tallies) {
		this.jdbc = jdbc;
		this.tallies = tallies;
	}

	@ApplicationModuleListener
	void on(ClueEvent.Registered e) {
		record(e.clue(), "REGISTERED", e.receivedAt() == null ? Times.now() : e.receivedAt());
	}

	@ApplicationModuleListener
	void on(ClueEvent.Closed e) {
		// the month the clue was closed in, not the one its event arrived in
		record(e.clue(), "CLOSED", e.closedAt() == null ? Times.now() : e.closedAt());
	}

	private void record(ClueEvent.ClueRef clue, String kind, OffsetDateTime at) {
		LocalDate month = at.atZoneSameInstant(Times.zone()).toLocalDate().withDayOfMonth(1);
		int added = this.jdbc.sql("""
				insert into warning_clue_flow (clue_id, kind, month, region_code) values (:id, :kind, :month, :region)
				on conflict do nothing
				""")
			.param("id", clue.id())
			.param("kind", kind)
			.param("month", month)
			.param("region", clue.regionCode())
			.update();
		if (added == 1) {
			this.tallies.clueCounted(month, clue.regionCode(), kind);
		}
	}

}
