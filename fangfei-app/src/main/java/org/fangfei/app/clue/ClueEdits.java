package org.fangfei.app.clue;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

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
 * Corrections to an open clue by the office (修改线索): the form is checked like intake's,
 * then {@link Clue#correct} decides and {@link Clues#save} writes with the same version
 * check as the moves, so a correction that lost a race to another user writes nothing.
 */
@Service
class ClueEdits {

	private final ClueIntake intake;

	private final Clues clues;

	private final AuditLog audit;

	private final Clue.Names names;

	ClueEdits(ClueIntake intake, Clues clues, AuditLog audit, JdbcClient jdbc) {
		this.intake = intake;
		this.clues = clues;
		this.audit = audit;
		this.names = new ReferenceNames(jdbc);
	}

	/** Names from the shared reference tables (区划, 字典), the code itself when unknown. */
	private record ReferenceNames(JdbcClient jdbc) implements Clue.Names {

		@Override
		public String region(String code) {
			return code == null ? null
					: this.jdbc.sql("select name from region where code = :c")
						.param("c", code)
						.query(String.class)
						.optional()
						.orElse(code);
		}

		@Override
		public String sector(String code) {
			return dictionary("sector", code);
		}

		@Override
		public String scheme(String code) {
			return dictionary("scheme", code);
		}

		private String dictionary(String type, String code) {
			return code == null ? null
					: this.jdbc.sql("select label from dict_item where dict_type = :t and code = :c")
						.param("t", type)
						.param("c", code)
						.query(String.class)
						.optional()
						.orElse(code);
		}

	}

	/** Whether the actor may correct this clue now. */
	static boolean allowed(ClueView clue, Actor actor) {
		return clue.state().open() && ClueParties.office(actor);
	}

	@Transactional
	void edit(long id, ClueEditForm form, Actor actor) {
		Clue clue = this.clues.load(id, actor);
		if (!clue.state().open() || !ClueParties.office(actor)) {
			throw new AccessDeniedException("只有处非办可以修改未办结的线索");
		}
		if (form.version() == null || form.version() != clue.version()) {
			throw new Conflict("线索 " + clue.code() + " 在您打开页面后已被他人处理，修改未保存。请刷新后再改。");
		}
		boolean regionLocked = clue.state() != ClueState.REGISTERED && clue.state() != ClueState.ACCEPTED;
		String region = regionLocked || blank(form.regionCode()) ? clue.about().regionCode() : form.regionCode();
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
		ClueState before = clue.state();
		ClueGrade gradeBefore = clue.grade();
		boolean changed = clue.correct(ClueParties.of(actor, clue),
				new Clue.Particulars(form.title().strip(), form.description().strip(),
						blank(form.regionCode()) ? null : form.regionCode().strip(), blankToNull(form.sectorCode()),
						blankToNull(form.schemeCode()), Money.fen(form.amount(), "amount", "涉及金额"), form.peopleCount(),
						form.grade()),
				this.names);
		if (!changed) {
			return;
		}
		this.clues.save(clue, before, gradeBefore, actor);
		this.audit.success("CLUE_EDIT", "clue", id, clue.code() + " 修改：" + clue.changes().get(0).note(), null, null);
	}

	private static boolean blank(String s) {
		return s == null || s.isBlank();
	}

	private static String blankToNull(String s) {
		return blank(s) ? null : s.strip();
	}

}
