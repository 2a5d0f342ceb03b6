package org.fangfei.app.workbench;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.fangfei.app.notification.Inbox;

import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The figures each demo role's workbench must show, counted in SQL with the scope rules
 * of the owning module written out — independently of the modules' own queries. Used by
 * the browser tests of the shared context and of the demo's whole year.
 */
public final class RoleFigures {

	private static final String HUISHI = "620422100%";

	private static final String COUNTY = "620422%";

	private static final String OPEN = "state not in ('REJECTED','CLOSED','MERGED')";

	private final JdbcClient jdbc;

	private final Inbox inbox;

	public RoleFigures(JdbcClient jdbc, Inbox inbox) {
		this.jdbc = jdbc;
		this.inbox = inbox;
	}

	/**
	 * Each figure this role's workbench must show, counted in SQL with the scope rules of
	 * the owning module written out.
	 */
	public Map<String, Long> expected(String username, long userId) {
		Map<String, Long> figures = new LinkedHashMap<>();
		figures.put("fig-inbox-open", this.inbox.openCount(userId));
		switch (username) {
			case "office", "chief" -> {
				figures.put("fig-clues-open",
						count("select count(*) from clue where region_code like :r and " + OPEN, COUNTY));
				figures.put("fig-clues-overdue",
						count("select count(*) from clue where region_code like :r and due_on < current_date", COUNTY));
				for (String state : List.of("REGISTERED", "ACCEPTED", "REJECTED", "DISPATCHED", "VERIFYING",
						"ASSESSING", "DISPUTED", "DISPOSING", "FEEDBACK", "CLOSED", "MERGED")) {
					figures.put("fig-clue-states-state-" + state.toLowerCase(), count(
							"select count(*) from clue where region_code like :r and state = '" + state + "'", COUNTY));
				}
				if (username.equals("office")) {
					figures.put("fig-cases-all", count("select count(*) from case_file c where c.region_code like :r"
							+ " or exists (select 1 from case_region cr where cr.case_id = c.id and cr.region_code like :r)",
							COUNTY));
					figures.put("fig-petitions-overdue", count("""
							select count(*) from petition p where p.region_code like :r
							and ((p.status = 'RECEIVED' and p.accept_due_on < current_date)
							  or (p.status = 'ACCEPTED' and p.finish_due_on < current_date))""", COUNTY));
					figures.put("fig-alerts-open",
							count("select count(*) from monitoring_alert where region_code like :r and status = 'NEW'",
									COUNTY));
				}
			}
			case "leader" -> {
				figures.put("fig-clues-open",
						count("select count(*) from clue where region_code like :r and " + OPEN, COUNTY));
				figures.put("fig-cases-all", count("select count(*) from case_file c where c.region_code like :r"
						+ " or exists (select 1 from case_region cr where cr.case_id = c.id and cr.region_code like :r)",
						COUNTY));
				figures.put("fig-alerts-open", count(
						"select count(*) from monitoring_alert where region_code like :r and status = 'NEW'", COUNTY));
				figures.put("fig-subjects-all",
						count("select count(*) from subject where region_code like :r", COUNTY));
			}
			case "huishi" -> {
				figures.put("fig-clues-open",
						count("select count(*) from clue where region_code like :r and " + OPEN, HUISHI));
				figures.put("fig-clues-overdue",
						count("select count(*) from clue where region_code like :r and due_on < current_date", HUISHI));
				figures.put("fig-subjects-all",
						count("select count(*) from subject where region_code like :r", HUISHI));
				figures.put("fig-patrols-due", due(HUISHI));
			}
			case "market" -> {
				String sectors = "(select ds.sector_code from department_sector ds join app_user u"
						+ " on u.department_id = ds.department_id where u.username = 'market')";
				figures.put("fig-subjects-all",
						count("select count(*) from subject where region_code like :r and sector_code in " + sectors,
								COUNTY));
				figures.put("fig-clues-open",
						count("select count(*) from clue where ((region_code like :r and sector_code in " + sectors
								+ ") or handler_department_id = (select department_id from app_user where username = 'market'))"
								+ " and " + OPEN, COUNTY));
			}
			case "grid" -> figures.put("fig-patrols-due", due("620422100001%"));
			default -> throw new IllegalArgumentException(username);
		}
		return figures;
	}

	/** Subjects still watched in the region that nobody patrolled this month. */
	private long due(String regionLike) {
		return count(
				"""
						select count(*) from subject s where s.region_code like :r and s.status in ('WATCHING', 'RECTIFYING')
						and not exists (select 1 from patrol p where p.subject_id = s.id
						  and p.visited_at >= date_trunc('month', now() at time zone 'Asia/Shanghai') at time zone 'Asia/Shanghai')
						""",
				regionLike);
	}

	private long count(String sql, String regionLike) {
		return this.jdbc.sql(sql).param("r", regionLike).query(Long.class).single();
	}

}
