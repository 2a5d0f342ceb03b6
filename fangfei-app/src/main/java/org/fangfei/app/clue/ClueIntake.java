package org.fangfei.app.clue;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.fangfei.app.audit.AuditLog;
import org.fangfei.app.shared.Actor;
import org.fangfei.app.shared.FieldCipher;
import org.fangfei.app.shared.Money;
import org.fangfei.app.shared.NotFound;
import org.fangfei.app.shared.PersonalData;
import org.fangfei.app.shared.Rejected;
import org.fangfei.app.subject.Subject;
import org.fangfei.app.subject.SubjectForm;
import org.fangfei.app.subject.SubjectStatus;
import org.fangfei.app.subject.Subjects;
import org.fangfei.app.shared.Times;

import org.springframework.context.ApplicationEventPublisher;
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

	private final FieldCipher cipher;

	private final Deadlines deadlines;

	private final ClueWorkflow workflow;

	private final ApplicationEventPublisher events;

	private final AuditLog audit;

	private final ClueRecords records;

	ClueIntake(JdbcClient jdbc, Clues clues, ClueQueries queries, Subjects subjects, FieldCipher cipher,
			Deadlines deadlines, ClueWorkflow workflow, ApplicationEventPublisher events, AuditLog audit,
			ClueRecords records) {
		this.records = records;
		this.workflow = workflow;
		this.jdbc = jdbc;
		this.clues = clues;
		this.queries = queries;
		this.subjects = subjects;
		this.cipher = cipher;
		this.deadlines = deadlines;
		this.events = events;
		this.audit = audit;
	}

	/**
	 * Registers a clue for {@code actor}, within their scope; the entry point for other
	 * modules (tips, monitoring) as well as the pages and the API.
	 */
	@Transactional
	public Registered register(ClueForm form, Actor actor) {
		Lookups found = lookups(form, true);
		Map<String, String> errors = errorsOf(form, actor, found);
		if (!errors.isEmpty()) {
			throw new Rejected(String.join("；", errors.values()), errors);
		}
		if (found.replay() != null) {
			return found.replay();
		}
		ClueGrade grade = gradeOf(form);
		OffsetDateTime received = receivedAt(form);
		// the first deadline (受理) counts from when the clue reached the office, not from
		// when it was typed in
		LocalDate due = this.deadlines.dueOn(ClueState.REGISTERED, grade,
				received.atZoneSameInstant(Times.zone()).toLocalDate());
		long id = found.nextId();
		String code = insert(id, form, grade, due, received, actor);
		if (code == null) {
			// a concurrent request registered the same source reference and committed
			// first
			return lookups(form, false).replay();
		}
		Set<Long> subjectIds = linkedSubjects(form, actor);
		for (Long subjectId : subjectIds) {
			this.jdbc.sql("insert into clue_subject (clue_id, subject_id) values (:c, :s)")
				.param("c", id)
				.param("s", subjectId)
				.update();
		}
		long step = this.clues.registered(id, actor,
				form.source().label() + (blank(form.sourceDetail()) ? "" : "(" + form.sourceDetail().strip() + ")")
						+ "：" + form.title().strip(),
				received, due);
		this.audit.success("CLUE_REGISTER", "clue", id, "登记线索 " + code + "：" + form.title().strip(), null, null);
		List<ClueRow> duplicates = this.queries.openOnSubjects(subjectIds, id, actor);
		Long amount = Money.fen(form.amount(), "amount", "涉及金额");
		this.events.publishEvent(new StepsChanged(
				new StepsChanged.Facts(id, code, form.title().strip(), form.regionCode(), null, null, grade), null,
				ClueState.REGISTERED, null, step));
		this.events.publishEvent(new ClueEvent.Registered(
				new ClueEvent.ClueRef(id, code, form.regionCode(), blankToNull(form.sectorCode()), grade,
						ClueState.REGISTERED, 0),
				form.source(), blankToNull(form.sourceRef()), form.title().strip(), amount, form.peopleCount(),
				List.copyOf(subjectIds), received));
		if (!blank(form.mergeInto())) {
			this.workflow.merge(id, 0, form.mergeInto(), actor);
		}
		return new Registered(id, code, false, duplicates);
	}

	/**
	 * Attaches to a clue the evidence that came with it from the module that raised it
	 * (tip attachments, patrol photos), cleaned by that module; in the caller's
	 * transaction, for modules acting for the system. Returns how many were attached.
	 * @param from where they came from, as the timeline says it, e.g. "群众举报"
	 */
	@Transactional
	public int attachEvidence(long clueId, List<Evidence> files, String from, Actor actor) {
		return this.records.attachEvidence(clueId, files, from, actor);
	}

	/**
	 * Every problem with the form, field by field: the rules, the region in the actor's
	 * scope, the dictionaries.
	 */
	Map<String, String> check(ClueForm form, Actor actor) {
		return errorsOf(form, actor, lookups(form, false));
	}

	private static Map<String, String> errorsOf(ClueForm form, Actor actor, Lookups found) {
		Map<String, String> errors = new LinkedHashMap<>(ClueRules.check(form));
		if (!errors.containsKey("regionCode") && !(actor.scope().covers(form.regionCode()) && found.region())) {
			errors.put("regionCode", "所在区划不存在或不在您的管辖范围内");
		}
		if (!blank(form.sectorCode()) && !found.sector()) {
			errors.put("sectorCode", "行业“" + form.sectorCode() + "”不在字典中");
		}
		if (!blank(form.schemeCode()) && !found.scheme()) {
			errors.put("schemeCode", "集资模式“" + form.schemeCode() + "”不在字典中");
		}
		return errors;
	}

	/**
	 * What intake checks in the database, in one round trip: whether the region exists,
	 * whether the sector and scheme are enabled dictionary entries, the clue already
	 * registered with the same source and reference, if any, and — when {@code numbered}
	 * — the id a new clue will take (unused when the form is refused).
	 */
	private record Lookups(boolean region, boolean sector, boolean scheme, Registered replay, long nextId) {
	}

	private Lookups lookups(ClueForm form, boolean numbered) {
		String ref = form.source() == null || blank(form.sourceRef()) ? null : form.sourceRef().strip();
		return this.jdbc
			.sql("""
					select exists (select 1 from region where code = cast(:region as varchar)),
					  exists (select 1 from dict_item where dict_type = 'sector' and code = cast(:sector as varchar) and enabled),
					  exists (select 1 from dict_item where dict_type = 'scheme' and code = cast(:scheme as varchar) and enabled),
					  r.id, r.code, case when :numbered then nextval('clue_id_seq') end
					from (select 1) one
					left join clue r on r.source = cast(:source as varchar) and r.source_ref = cast(:ref as varchar)
					""")
			.param("region", form.regionCode())
			.param("sector", blank(form.sectorCode()) ? null : form.sectorCode())
			.param("scheme", blank(form.schemeCode()) ? null : form.schemeCode())
			.param("source", ref == null ? null : form.source().name())
			.param("ref", ref)
			.param("numbered", numbered)
			.query((rs, n) -> new Lookups(rs.getBoolean(1), rs.getBoolean(2), rs.getBoolean(3),
					rs.getObject(4) == null ? null : new Registered(rs.getLong(4), rs.getString(5), true, List.of()),
					rs.getLong(6)))
			.single();
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

	/**
	 * Writes the clue with its informant: name and phone encrypted with the clue's id in
	 * the AAD, and a masked form for display; numbers it ({@code XS} + year + a running
	 * number) and returns the number, or null when a clue with the same source and
	 * reference exists already.
	 */
	private static OffsetDateTime receivedAt(ClueForm form) {
		LocalDateTime received = form.receivedAt() == null ? Times.now().toLocalDateTime() : form.receivedAt();
		return Times.atCounty(received);
	}

	private String insert(long id, ClueForm form, ClueGrade grade, LocalDate due, OffsetDateTime received,
			Actor actor) {
		String name = blank(form.informantName()) ? null : form.informantName().strip();
		String phone = blank(form.informantPhone()) ? null : PersonalData.normalisePhone(form.informantPhone());
		List<String> masked = new ArrayList<>();
		if (name != null) {
			masked.add(name.charAt(0) + "*".repeat(Math.min(name.length() - 1, 3)));
		}
		if (phone != null) {
			masked.add(PersonalData.maskPhone(phone));
		}
		return this.jdbc
			.sql("""
					insert into clue (id, code, source, source_detail, source_ref, received_at, step_started_at, title, description, region_code,
					  sector_code, scheme_code, amount_fen, people_count, grade, state, due_on, feedback_required, created_by,
					  informant_name_enc, informant_phone_enc, informant_masked, created_at, updated_at)
					values (:id, 'XS' || :year || lpad(nextval('clue_code_seq')::text, 7, '0'), :source, :detail, :ref, :received, :received, :title, :description, :region, :sector, :scheme,
					  :amount, :people, :grade, 'REGISTERED', :due, :feedback, :by, :informantName, :informantPhone, :masked, :now, :now)
					on conflict (source, source_ref) where source_ref is not null do nothing
					returning code
					""")
			.param("id", id)
			.param("year", String.valueOf(Times.today().getYear()))
			.param("now", Times.now())
			.param("source", form.source().name())
			.param("detail", blankToNull(form.sourceDetail()))
			.param("ref", blankToNull(form.sourceRef()))
			.param("received", received)
			.param("title", form.title().strip())
			.param("description", form.description().strip())
			.param("region", form.regionCode())
			.param("sector", blankToNull(form.sectorCode()))
			.param("scheme", blankToNull(form.schemeCode()))
			.param("amount", Money.fen(form.amount(), "amount", "涉及金额"))
			.param("people", form.peopleCount())
			.param("grade", grade.name())
			.param("due", due)
			.param("feedback", form.source().feedbackExpected())
			.param("by", actor.username())
			.param("informantName", name == null ? null : this.cipher.encrypt(name, "clue.informant_name:" + id))
			.param("informantPhone", phone == null ? null : this.cipher.encrypt(phone, "clue.informant_phone:" + id))
			.param("masked", masked.isEmpty() ? null : String.join(" ", masked))
			.query(String.class)
			.optional()
			.orElse(null);
	}

	private static ClueGrade gradeOf(ClueForm form) {
		if (form.grade() != null) {
			return form.grade();
		}
		return ClueGrade.suggested(Money.fen(form.amount(), "amount", "涉及金额"), form.peopleCount());
	}

	private static boolean blank(String s) {
		return s == null || s.isBlank();
	}

	private static String blankToNull(String s) {
		return blank(s) ? null : s.strip();
	}

}
