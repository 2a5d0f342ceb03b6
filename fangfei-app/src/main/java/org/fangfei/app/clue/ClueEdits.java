package org.fangfei.app.clue;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

import org.fangfei.app.audit.AuditLog;
import org.fangfei.app.shared.Actor;
import org.fangfei.app.shared.Conflict;
import org.fangfei.app.shared.Money;
import org.fangfei.app.shared.Rejected;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Corrections to an open clue by the office (修改线索). Every changed field goes to the
 * timeline as "before → after" (the description only as "修改了线索内容"), with the same version
 * check as the moves; raising the grade to major reports the clue upward at once.
 */
@Service
class ClueEdits {

	private final JdbcClient jdbc;

	private final ClueQueries queries;

	private final ClueIntake intake;

	private final Clues clues;

	private final ClueNotices notices;

	private final AuditLog audit;

	ClueEdits(JdbcClient jdbc, ClueQueries queries, ClueIntake intake, Clues clues, ClueNotices notices,
			AuditLog audit) {
		this.jdbc = jdbc;
		this.queries = queries;
		this.intake = intake;
		this.clues = clues;
		this.notices = notices;
		this.audit = audit;
	}

	/** Whether the actor may correct this clue now. */
	static boolean allowed(ClueView clue, Actor actor) {
		return clue.state().open() && actor.can("clue:clue:accept")
				&& (actor.office() || actor.hasRole("OFFICE") || actor.hasRole("OFFICE_HEAD"));
	}

	@Transactional
	void edit(long id, ClueEditForm form, Actor actor) {
		ClueView before = this.queries.view(id, actor);
		if (!allowed(before, actor)) {
			throw new AccessDeniedException("只有处非办可以修改未办结的线索");
		}
		if (form.version() == null || form.version() != before.version()) {
			throw new Conflict("线索 " + before.code() + " 在您打开页面后已被他人处理，修改未保存。请刷新后再改。");
		}
		boolean regionLocked = before.state() != ClueState.REGISTERED && before.state() != ClueState.ACCEPTED;
		String region = regionLocked ? before.regionCode() : form.regionCode();
		ClueForm check = new ClueForm(ClueSource.OTHER, null, null, null, form.title(), form.description(), region,
				form.sectorCode(), form.schemeCode(), form.amount(), form.peopleCount(), form.grade(), List.of(), null,
				null, null, null, null, null);
		Map<String, String> errors = new LinkedHashMap<>(this.intake.check(check, actor));
		if (form.grade() == null) {
			errors.put("grade", "请选择线索等级");
		}
		if (!errors.isEmpty()) {
			throw new Rejected(String.join("；", errors.values()), errors);
		}
		Long amount = Money.fen(form.amount(), "amount", "涉及金额");
		List<String> changes = new ArrayList<>();
		change(changes, "标题", before.title(), form.title().strip());
		if (!before.description().equals(form.description().strip())) {
			changes.add("修改了线索内容");
		}
		change(changes, "区划", before.regionCode(), region);
		change(changes, "行业", before.sectorCode(), blankToNull(form.sectorCode()));
		change(changes, "集资模式", before.schemeCode(), blankToNull(form.schemeCode()));
		change(changes, "涉及金额(元)", before.amount(), Money.yuan(amount));
		change(changes, "涉及人数", before.peopleCount(), form.peopleCount());
		change(changes, "等级", before.grade().label(), form.grade().label());
		if (changes.isEmpty()) {
			return;
		}
		this.jdbc
			.sql("""
					update clue set title = :title, description = :description, region_code = :region, sector_code = :sector,
					  scheme_code = :scheme, amount_fen = :amount, people_count = :people, grade = :grade,
					  version = version + 1, updated_at = now()
					where id = :id and version = :version
					""")
			.param("title", form.title().strip())
			.param("description", form.description().strip())
			.param("region", region)
			.param("sector", blankToNull(form.sectorCode()))
			.param("scheme", blankToNull(form.schemeCode()))
			.param("amount", amount)
			.param("people", form.peopleCount())
			.param("grade", form.grade().name())
			.param("id", id)
			.param("version", form.version())
			.update();
		String summary = String.join("；", changes);
		this.clues.event(id, actor, "修改", null, null, summary);
		this.audit.success("CLUE_EDIT", "clue", id, before.code() + " 修改：" + summary, null, null);
		if (before.grade() != ClueGrade.MAJOR && form.grade() == ClueGrade.MAJOR) {
			this.notices.reportUpward(id, actor);
		}
	}

	private static void change(List<String> changes, String label, Object before, Object after) {
		String a = before == null ? "" : before.toString();
		String b = after == null ? "" : after.toString();
		if (!Objects.equals(a, b)) {
			changes.add(label + "：" + (a.isEmpty() ? "(空)" : a) + " → " + (b.isEmpty() ? "(空)" : b));
		}
	}

	private static String blankToNull(String s) {
		return s == null || s.isBlank() ? null : s.strip();
	}

}
