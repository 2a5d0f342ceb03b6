package org.fangfei.app.clue;

import net.javacrumbs.shedlock.spring.annotation.SchedulerLock;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Folds the dashboard's delta rows into its running tallies (V18). Triggers only ever
 * insert deltas, so concurrent changes never wait on a shared tally row; this moves the
 * deltas written so far into the tallies in one statement per table, every few seconds.
 * Readers sum tally and deltas, so they see the same figures before and after a fold.
 */
@Component
class ClueTallies {

	private final JdbcClient jdbc;

	ClueTallies(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	@Scheduled(initialDelayString = "${fangfei.clues.tally-fold-initial-delay:PT5S}",
			fixedDelayString = "${fangfei.clues.tally-fold-every:PT5S}")
	@SchedulerLock(name = "clue-tally-fold", lockAtLeastFor = "${fangfei.clues.tally-fold-every:PT5S}",
			lockAtMostFor = "PT1M")
	@Transactional
	void fold() {
		this.jdbc.sql("""
				with moved as (delete from clue_tally_delta returning *)
				insert into clue_tally (region_code, sector_code, handler_department_id, state, source, supervised, n)
				select region_code, sector_code, handler_department_id, state, source, supervised, sum(n) from moved
				group by 1, 2, 3, 4, 5, 6 order by 1, 2, 3, 4, 5, 6
				on conflict (region_code, sector_code, handler_department_id, state, source, supervised)
				do update set n = clue_tally.n + excluded.n
				""").update();
		this.jdbc.sql("""
				with moved as (delete from clue_step_tally_delta returning *)
				insert into clue_step_tally (month, region_code, sector_code, handler_department_id, finished, on_time)
				select month, region_code, sector_code, handler_department_id, sum(finished), sum(on_time) from moved
				group by 1, 2, 3, 4 order by 1, 2, 3, 4
				on conflict (month, region_code, sector_code, handler_department_id)
				do update set finished = clue_step_tally.finished + excluded.finished,
				  on_time = clue_step_tally.on_time + excluded.on_time
				""").update();
	}

}
