package org.fangfei.app.clue;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.fangfei.app.audit.AuditLog;
import org.fangfei.app.organisation.Regions;
import org.fangfei.app.shared.Actor;
import org.fangfei.app.shared.FieldCipher;
import org.fangfei.app.shared.NotFound;
import org.fangfei.app.shared.PersonalData;
import org.fangfei.app.shared.Rejected;
import org.fangfei.app.subject.Subject;
import org.fangfei.app.subject.SubjectForm;
import org.fangfei.app.subject.SubjectStatus;
import org.fangfei.app.subject.Subjects;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * 线索登记: one way in for every channel — the clerk's form, the JSON API of other systems,
 * patrol findings. Checks everything before writing; a repeat of the same (source,
 * reference) returns the clue already registered; clues about a subject that already has
 * an open clue are pointed out so the clerk can merge them.
 */
@Service
public class ClueIntake {

	/**
	 * What intake did: the clue, whether it was a repeat, and open clues on the same
	 * subjects.
	 */
	public record Registered(long id, String code, boolean replayed, List<ClueRow> possibleDuplicates) {
	}

	private final JdbcClient jdbc;

	private final Clues clues;

	private final ClueQueries queries;

	private final Subjects subjects;

	private final Regions regions;

	private final FieldCipher cipher;

	private final Deadlines deadlines;

	private final ClueNotices notices;

	private final ClueWorkflow workflow;

	private final AuditLog audit;

	ClueIntake(JdbcClient jdbc, Clues clues, ClueQueries queries, Subjects subjects, Regions regions,
			FieldCipher cipher, Deadlines deadlines, ClueNotices notices, ClueWorkflow workflow, AuditLog audit) {
		this.workflow = workflow;
		this.jdbc = jdbc;
		this.clues = clues;
		this.queries = queries;
		this.subjects = subjects;
		this.regions = regions;
		this.cipher = cipher;
		this.deadlines = deadlines;
		this.notices = notices;
		this.audit = audit;
	}

	/**
	 * Registers a clue for {@code actor}, within their scope; the entry point for other
	 * modules (tips, monitoring) as well as the pages and the API.
	 */
	@Transactional
	public Registered register(ClueForm form, Actor actor) {
		Map<String, String> errors = check(form, actor);
		if (!errors.isEmpty()) {
			throw new Rejected(String.join("；", errors.values()), errors);
		}
		Optional<Registered> replay = replayOf(form);
		if (replay.isPresent()) {
			return replay.get();
		}
		Set<Long> subjectIds = linkedSubjects(form, actor);
		long id = insert(form, actor);
		for (Long subjectId : subjectIds) {
			this.jdbc.sql("insert into clue_subject (clue_id, subject_id) values (:c, :s)")
				.param("c", id)
				.param("s", subjectId)
				.update();
		}
		storeInformant(id, form);
		String code = this.jdbc.sql("select code from clue where id = :id")
			.param("id", id)
			.query(String.class)
			.single();
		ClueGrade grade = gradeOf(form);
		this.clues.event(id, actor, "登记", null, ClueState.REGISTERED,
				form.source().label() + (blank(form.sourceDetail()) ? "" : "(" + form.sourceDetail().strip() + ")")
						+ "：" + form.title().strip());
		Long step = this.clues.startStep(id, ClueState.REGISTERED,
				this.deadlines.dueOn(ClueState.REGISTERED, grade, LocalDate.now()));
		this.audit.success("CLUE_REGISTER", "clue", id, "登记线索 " + code + "：" + form.title().strip(), null, null);
		List<ClueRow> duplicates = this.queries.openOnSubjects(subjectIds, id, actor);
		this.notices.stepStarted(id, ClueState.REGISTERED, step, false);
		if (grade == ClueGrade.MAJOR) {
			this.notices.reportUpward(id, actor);
		}
		if (!blank(form.mergeInto())) {
			this.workflow.merge(id, 0, form.mergeInto(), actor);
		}
		return new Registered(id, code, false, duplicates);
	}

	/**
	 * Every problem with the form, field by field: the rules plus region, scope and
	 * dictionaries.
	 */
	Map<String, String> check(ClueForm form, Actor actor) {
		Map<String, String> errors = new LinkedHashMap<>(ClueRules.check(form));
		if (!errors.containsKey("regionCode") && !covered(form.regionCode(), actor)) {
			errors.put("regionCode", "所在区划不存在或不在您的管辖范围内");
		}
		checkDictionary(errors, "sector", "sectorCode", form.sectorCode(), "行业");
		checkDictionary(errors, "scheme", "schemeCode", form.schemeCode(), "集资模式");
		return errors;
	}

	private boolean covered(String regionCode, Actor actor) {
		return actor.scope().covers(regionCode) && this.regions.byCode(regionCode).isPresent();
	}

	private void checkDictionary(Map<String, String> errors, String type, String field, String code, String label) {
		if (code == null || code.isBlank()) {
			return;
		}
		long found = this.jdbc.sql("select count(*) from dict_item where dict_type = :t and code = :c and enabled")
			.param("t", type)
			.param("c", code)
			.query(Long.class)
			.single();
		if (found == 0) {
			errors.put(field, label + "“" + code + "”不在字典中");
		}
	}

	private Optional<Registered> replayOf(ClueForm form) {
		if (blank(form.sourceRef())) {
			return Optional.empty();
		}
		return this.jdbc.sql("select id, code from clue where source = :s and source_ref = :r")
			.param("s", form.source().name())
			.param("r", form.sourceRef().strip())
			.query((rs, n) -> new Registered(rs.getLong(1), rs.getString(2), true, List.of()))
			.optional();
	}

	/** Existing subjects the actor can see, plus a new one created in the ledger. */
	private Set<Long> linkedSubjects(ClueForm form, Actor actor) {
		Set<Long> ids = new LinkedHashSet<>();
		for (Long subjectId : form.subjectIds()) {
			if (subjectId != null) {
				try {
					ids.add(this.subjects.get(subjectId, actor.scope()).id());
				}
				catch (NotFound ex) {
					throw new Rejected("涉及主体 " + subjectId + " 不存在或不在您的管辖范围内", Map.of("subjectIds", "主体不存在或无权查看"));
				}
			}
		}
		if (!blank(form.newSubjectName())) {
			String creditCode = blank(form.newSubjectCreditCode()) ? ""
					: form.newSubjectCreditCode().strip().toUpperCase();
			SubjectForm subject = new SubjectForm(form.newSubjectKind(), form.newSubjectName().strip(), creditCode, "",
					"", "", "", null, "", form.regionCode(), null, blankToNull(form.sectorCode()),
					blankToNull(form.schemeCode()), null, SubjectStatus.WATCHING, "", "由线索登记时建档");
			Subject created = this.subjects.create(subject, actor.scope(), actor.username());
			ids.add(created.id());
		}
		return ids;
	}

	private long insert(ClueForm form, Actor actor) {
		ClueGrade grade = gradeOf(form);
		LocalDateTime received = form.receivedAt() == null ? LocalDateTime.now() : form.receivedAt();
		return this.jdbc
			.sql("""
					insert into clue (code, source, source_detail, source_ref, received_at, title, description, region_code,
					  sector_code, scheme_code, amount_fen, people_count, grade, state, due_on, feedback_required, created_by)
					values ('XS' || to_char(current_date, 'YYYY') || lpad(nextval('clue_code_seq')::text, 7, '0'),
					  :source, :detail, :ref, :received, :title, :description, :region, :sector, :scheme, :amount, :people,
					  :grade, 'REGISTERED', :due, :feedback, :by)
					returning id
					""")
			.param("source", form.source().name())
			.param("detail", blankToNull(form.sourceDetail()))
			.param("ref", blankToNull(form.sourceRef()))
			.param("received", OffsetDateTime.of(received, ZoneId.systemDefault().getRules().getOffset(received)))
			.param("title", form.title().strip())
			.param("description", form.description().strip())
			.param("region", form.regionCode())
			.param("sector", blankToNull(form.sectorCode()))
			.param("scheme", blankToNull(form.schemeCode()))
			.param("amount", Money.fen(form.amount(), "amount", "涉及金额"))
			.param("people", form.peopleCount())
			.param("grade", grade.name())
			.param("due", this.deadlines.dueOn(ClueState.REGISTERED, grade, LocalDate.now()))
			.param("feedback", form.source().feedbackExpected())
			.param("by", actor.username())
			.query(Long.class)
			.single();
	}

	private static ClueGrade gradeOf(ClueForm form) {
		if (form.grade() != null) {
			return form.grade();
		}
		return ClueGrade.suggested(Money.fen(form.amount(), "amount", "涉及金额"), form.peopleCount());
	}

	/**
	 * The informant's name and phone, encrypted with the clue's id in the AAD; a masked
	 * form for display.
	 */
	private void storeInformant(long id, ClueForm form) {
		String name = blank(form.informantName()) ? null : form.informantName().strip();
		String phone = blank(form.informantPhone()) ? null : PersonalData.normalisePhone(form.informantPhone());
		if (name == null && phone == null) {
			return;
		}
		List<String> masked = new ArrayList<>();
		if (name != null) {
			masked.add(name.charAt(0) + "*".repeat(Math.min(name.length() - 1, 3)));
		}
		if (phone != null) {
			masked.add(PersonalData.maskPhone(phone));
		}
		this.jdbc.sql("""
				update clue set informant_name_enc = :n, informant_phone_enc = :p, informant_masked = :m where id = :id
				""")
			.param("n", name == null ? null : this.cipher.encrypt(name, "clue.informant_name:" + id))
			.param("p", phone == null ? null : this.cipher.encrypt(phone, "clue.informant_phone:" + id))
			.param("m", String.join(" ", masked))
			.param("id", id)
			.update();
	}

	private static boolean blank(String s) {
		return s == null || s.isBlank();
	}

	private static String blankToNull(String s) {
		return blank(s) ? null : s.strip();
	}

}
