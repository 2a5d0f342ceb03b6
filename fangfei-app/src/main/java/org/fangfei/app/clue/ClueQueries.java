package org.fangfei.app.clue;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.Collection;
import java.util.List;
import java.util.Map;

import org.fangfei.app.security.Accounts;
import org.fangfei.app.shared.Actor;
import org.fangfei.app.shared.Money;
import org.fangfei.app.shared.NotFound;
import org.fangfei.app.shared.PageOf;
import org.fangfei.app.shared.PageRequest;
import org.fangfei.app.shared.Rejected;
import org.fangfei.app.shared.SqlLike;
import org.fangfei.app.shared.Times;
import org.fangfei.app.subject.Subjects;

import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * The clue list with its filters, and one clue as shown — always within the actor's scope
 * ({@link Clues#VISIBLE}). The list collects matching ids first (up to {@link #COUNT_CAP}
 * + 1) and reads the page's rows by id, like the subject ledger.
 */
@Component
class ClueQueries {

	public static final int COUNT_CAP = 10_000;

	private static final String OPEN_STATES = "('REGISTERED','ACCEPTED','DISPATCHED','VERIFYING','ASSESSING','DISPUTED','DISPOSING','FEEDBACK')";

	private static final String ROW_SELECT = """
			select c.id, c.code, c.source, c.received_at, c.title, r.name as region_name, s.label as sector_label,
			  c.grade, c.state, coalesce(hr.name, hd.name) as handler_name, c.due_on, c.supervised
			from clue c join region r on r.code = c.region_code
			left join dict_item s on s.dict_type = 'sector' and s.code = c.sector_code
			left join region hr on hr.code = c.handler_region_code
			left join department hd on hd.id = c.handler_department_id
			""";

	private static final RowMapper<ClueRow> ROW = (rs, n) -> {
		LocalDate due = rs.getObject("due_on", LocalDate.class);
		return new ClueRow(rs.getLong("id"), rs.getString("code"), ClueSource.valueOf(rs.getString("source")),
				Times.local(rs.getObject("received_at", OffsetDateTime.class)), rs.getString("title"),
				rs.getString("region_name"), rs.getString("sector_label"), ClueGrade.valueOf(rs.getString("grade")),
				ClueState.valueOf(rs.getString("state")), rs.getString("handler_name"), due,
				due != null && due.isBefore(LocalDate.now()), rs.getBoolean("supervised"));
	};

	private final JdbcClient jdbc;

	private final Accounts accounts;

	private final Subjects subjects;

	ClueQueries(JdbcClient jdbc, Accounts accounts, Subjects subjects) {
		this.subjects = subjects;
		this.jdbc = jdbc;
		this.accounts = accounts;
	}

	/**
	 * The matching clues, newest first. The ids query is {@link Clues#VISIBLE} and the
	 * filters written for this call: the scope terms and filters that cannot exclude
	 * anything are left out and {@link ClueParties#myTurn} keeps only the actor's
	 * branches, so the planner sees exactly what restricts the search (same rows as the
	 * general text). Each call is planned with its values (a generic plan cannot use the
	 * region index for {@code like :regionLike}).
	 */
	@Transactional(readOnly = true)
	PageOf<ClueRow> search(ClueQuery q, Actor actor, PageRequest paging) {
		Map<String, Object> params = ClueParties.turnParams(actor);
		StringBuilder where = new StringBuilder(Clues.listedFor(actor));
		if (q.state() != null) {
			where.append(" and c.state = :state");
			params.put("state", q.state().name());
		}
		if (q.source() != null) {
			where.append(" and c.source = :source");
			params.put("source", q.source().name());
		}
		if (q.grade() != null) {
			where.append(" and c.grade = :grade");
			params.put("grade", q.grade().name());
		}
		if (q.regionCode() != null && !q.regionCode().isBlank()) {
			if (!org.fangfei.app.shared.Regions12.isValid(q.regionCode().strip())) {
				throw new Rejected("区划代码应为12位数字", Map.of("regionCode", "区划代码应为12位数字"));
			}
			where.append(" and c.region_code like :filterRegion");
			params.put("filterRegion", org.fangfei.app.shared.Regions12.prefixOf(q.regionCode().strip()) + "%");
		}
		if (q.sectorCode() != null && !q.sectorCode().isBlank()) {
			where.append(" and c.sector_code = :sector");
			params.put("sector", q.sectorCode());
		}
		if (Boolean.TRUE.equals(q.overdue())) {
			where.append(" and c.due_on < current_date");
		}
		if (Boolean.TRUE.equals(q.supervised())) {
			where.append(" and c.supervised");
		}
		String text = q.text() == null || q.text().isBlank() ? null : q.text().strip();
		if (text != null) {
			String[] grams = bigrams(text);
			if (grams == null) {
				where.append(" and (c.code = :text or c.title like :textLike)");
			}
			else if (text.codePointCount(0, text.length()) == 2) {
				// the one pair is the text itself, so holding it is containing the text;
				// with a LIKE beside it the planner takes the two as independent, expects
				// few matches and scans the whole table for a common word
				where.append(" and (c.code = :text or c.title_grams @> cast(:grams as text[]))");
			}
			else {
				where.append(
						" and (c.code = :text or (c.title_grams @> cast(:grams as text[]) and c.title like :textLike))");
			}
			params.put("text", text);
			params.put("textLike", SqlLike.contains(text));
			params.put("grams", grams);
		}
		if (Boolean.TRUE.equals(q.mine())) {
			where.append(" and ").append(ClueParties.myTurn(actor));
		}
		int offset = paging.offset();
		int size = paging.size();
		params.put("cap", Math.max(COUNT_CAP + 1, offset + size));
		this.jdbc.sql("set local plan_cache_mode = force_custom_plan").update();
		List<Long> ids = this.jdbc.sql("select c.id from clue c where " + where + " order by c.id desc limit :cap")
			.params(params)
			.query(Long.class)
			.list();
		List<Long> pageIds = ids.subList(Math.min(offset, ids.size()), Math.min(offset + size, ids.size()));
		List<ClueRow> items = pageIds.isEmpty() ? List.of()
				: this.jdbc.sql(ROW_SELECT + " where c.id = any(:ids) order by c.id desc")
					.param("ids", pageIds.toArray(Long[]::new))
					.query(ROW)
					.list();
		return paging.pageOf(items, Math.min(ids.size(), COUNT_CAP + 1));
	}

	/**
	 * The distinct character pairs of a search text, as the column {@code title_grams}
	 * holds them for titles (V14 migration, {@code name_bigrams}); null for a single
	 * character, which only the LIKE can match.
	 */
	static String[] bigrams(String text) {
		int[] chars = text.codePoints().toArray();
		if (chars.length < 2) {
			return null;
		}
		java.util.Set<String> grams = new java.util.LinkedHashSet<>();
		for (int i = 0; i + 1 < chars.length; i++) {
			grams.add(new String(chars, i, 2));
		}
		return grams.toArray(String[]::new);
	}

	/**
	 * Open clues on any of these subjects, other than {@code except}: possible
	 * duplicates.
	 */
	List<ClueRow> openOnSubjects(Collection<Long> subjectIds, long except, Actor actor) {
		if (subjectIds.isEmpty()) {
			return List.of();
		}
		return this.jdbc.sql(ROW_SELECT + """
				where c.id <> :except and c.state in """ + OPEN_STATES + """
				and exists (select 1 from clue_subject cs where cs.clue_id = c.id and cs.subject_id = any(:subjects))
				and """ + Clues.VISIBLE + " order by c.id desc limit 20")
			.params(Clues.scopeParams(actor))
			.param("except", except)
			.param("subjects", subjectIds.toArray(Long[]::new))
			.query(ROW)
			.list();
	}

	@Transactional(readOnly = true)
	ClueView view(long id, Actor actor) {
		ClueView view = this.jdbc.sql("""
				select c.*, r.name as region_name, s.label as sector_label, sc.label as scheme_label,
				  coalesce(hr.name, hd.name) as handler_name, m.code as merged_code
				from clue c join region r on r.code = c.region_code
				left join dict_item s on s.dict_type = 'sector' and s.code = c.sector_code
				left join dict_item sc on sc.dict_type = 'scheme' and sc.code = c.scheme_code
				left join region hr on hr.code = c.handler_region_code
				left join department hd on hd.id = c.handler_department_id
				left join clue m on m.id = c.merged_into
				where c.id = :id and """ + Clues.VISIBLE)
			.params(Clues.scopeParams(actor))
			.param("id", id)
			.query((rs, n) -> viewOf(rs, subjectsOf(id), leaderName((Long) rs.getObject("supervision_leader_id"))))
			.optional()
			.orElseThrow(() -> new NotFound("线索"));
		return view;
	}

	/**
	 * Whether the actor can see the clue (it may leave their sight by their own move).
	 */
	boolean visible(long id, Actor actor) {
		return this.jdbc.sql("select count(*) from clue c where c.id = :id and " + Clues.VISIBLE)
			.params(Clues.scopeParams(actor))
			.param("id", id)
			.query(Long.class)
			.single() > 0;
	}

	/** The id of the clue with this code, if the actor can see it. */
	java.util.Optional<Long> idOfCode(String code, Actor actor) {
		return this.jdbc.sql("select c.id from clue c where c.code = :code and " + Clues.VISIBLE)
			.params(Clues.scopeParams(actor))
			.param("code", code == null ? "" : code.strip().toUpperCase())
			.query(Long.class)
			.optional();
	}

	/** The clue's subjects, as the subject ledger has them now. */
	private List<ClueView.SubjectRef> subjectsOf(long clueId) {
		return this.subjects.byIds(subjectIdsOf(clueId))
			.stream()
			.map(s -> new ClueView.SubjectRef(s.id(), s.name(), s.creditCode()))
			.toList();
	}

	/** The ids of the ledger's subjects linked to the clue, oldest link target first. */
	List<Long> subjectIdsOf(long clueId) {
		return this.jdbc.sql("select subject_id from clue_subject where clue_id = :c order by subject_id")
			.param("c", clueId)
			.query(Long.class)
			.list();
	}

	/** The name of the clue's leader (领导包案), from the security module's accounts. */
	private String leaderName(Long leaderId) {
		return leaderId == null ? null : this.accounts.displayNames(List.of(leaderId)).get(leaderId);
	}

	private static ClueView viewOf(ResultSet rs, List<ClueView.SubjectRef> subjects, String leaderName)
			throws SQLException {
		LocalDate due = rs.getObject("due_on", LocalDate.class);
		String handlerKey = rs.getString("handler_region_code") != null ? "R" + rs.getString("handler_region_code")
				: rs.getObject("handler_department_id") != null ? "D" + rs.getLong("handler_department_id") : null;
		String determination = rs.getString("determination");
		String disputed = rs.getString("disputed_determination");
		return new ClueView(rs.getLong("id"), rs.getString("code"), ClueSource.valueOf(rs.getString("source")),
				rs.getString("source_detail"), rs.getString("source_ref"),
				Times.local(rs.getObject("received_at", OffsetDateTime.class)), rs.getString("title"),
				rs.getString("description"), rs.getString("region_code"), rs.getString("region_name"),
				rs.getString("sector_code"), rs.getString("sector_label"), rs.getString("scheme_code"),
				rs.getString("scheme_label"), Money.yuan((Long) rs.getObject("amount_fen")),
				(Integer) rs.getObject("people_count"), ClueGrade.valueOf(rs.getString("grade")),
				ClueState.valueOf(rs.getString("state")), rs.getString("handler_name"), handlerKey,
				determination == null ? null : Determination.valueOf(determination), rs.getString("determination_note"),
				disputed == null ? null : Determination.valueOf(disputed), rs.getString("merged_code"), due,
				due != null && due.isBefore(LocalDate.now()), rs.getBoolean("supervised"), leaderName,
				rs.getString("supervision_note"), rs.getString("informant_masked"),
				rs.getObject("informant_name_enc") != null || rs.getObject("informant_phone_enc") != null,
				rs.getBoolean("feedback_required"), rs.getString("feedback"),
				Times.local(rs.getObject("closed_at", OffsetDateTime.class)), rs.getString("created_by"),
				Times.local(rs.getObject("created_at", OffsetDateTime.class)), rs.getInt("version"), subjects);
	}

}
