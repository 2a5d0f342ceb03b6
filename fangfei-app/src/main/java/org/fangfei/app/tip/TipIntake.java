package org.fangfei.app.tip;

import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

import org.fangfei.app.clue.ClueForm;
import org.fangfei.app.clue.Evidence;
import org.fangfei.app.clue.ClueIntake;
import org.fangfei.app.clue.ClueSource;
import org.fangfei.app.shared.Actor;
import org.fangfei.app.shared.BlindIndex;
import org.fangfei.app.shared.FieldCipher;
import org.fangfei.app.shared.PersonalData;
import org.fangfei.app.shared.Rejected;
import org.fangfei.app.shared.Times;
import org.fangfei.app.subject.Subject;
import org.fangfei.app.subject.Subjects;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.web.context.request.RequestAttributes;
import org.springframework.web.context.request.RequestContextHolder;

/**
 * Takes a tip in: checks it, stores its content, its cleaned attachments and — apart, and
 * encrypted — the reporter's identity, then registers it as a clue of channel {@code TIP}
 * through {@link ClueIntake} with the tip's id as source reference (so it is registered
 * once). The clue carries the content only, never the identity.
 */
@Service
class TipIntake {

	/** Blind-index purpose of the tracking code. */
	static final String TRACKING = "tip.tracking";

	static final Actor PORTAL = Actor.system("群众举报平台");

	/** What the reporter is shown once. */
	record Receipt(long tipId, String trackingCode, String clueCode) {
	}

	private final JdbcClient jdbc;

	private final ClueIntake clues;

	private final Subjects subjects;

	private final FieldCipher cipher;

	private final BlindIndex index;

	TipIntake(JdbcClient jdbc, ClueIntake clues, Subjects subjects, FieldCipher cipher, BlindIndex index) {
		this.subjects = subjects;
		this.jdbc = jdbc;
		this.clues = clues;
		this.cipher = cipher;
		this.index = index;
	}

	@Transactional
	Receipt submit(TipForm form, List<TipFiles.Cleaned> files) {
		Map<String, String> errors = TipRules.check(form);
		Subject subject = subjectOf(form.subjectName());
		String region = TipRules.blank(form.regionCode()) ? (subject == null ? null : subject.regionCode())
				: form.regionCode().strip();
		if (region == null) {
			errors.putIfAbsent("regionCode", "请选择发生地所在的乡镇(街道)或村(社区)");
		}
		else if (!TipRules.blank(form.regionCode()) && !publicRegion(region)) {
			errors.putIfAbsent("regionCode", "请从列表中选择乡镇(街道)或村(社区)");
		}
		if (!errors.isEmpty()) {
			throw new Rejected("请检查标红的内容：" + String.join("；", errors.values()), errors);
		}
		String code = TrackingCode.generate();
		long id = insertTip(form, region, this.index.of(TRACKING, TrackingCode.normalise(code)));
		storeReporter(id, form);
		TipAttachments.store(this.jdbc, id, files);
		ClueIntake.Registered clue = asSystem(() -> this.clues.register(clueForm(id, form, region, subject), PORTAL));
		asSystem(() -> this.clues.attachEvidence(clue.id(), evidence(files, 1), "群众举报", PORTAL));
		this.jdbc
			.sql("""
					update tip set clue_id = :c, clue_code = :code, clue_root_id = :c, clue_progress = 'WAITING', clue_version = 0
					where id = :id
					""")
			.param("c", clue.id())
			.param("code", clue.code())
			.param("id", id)
			.update();
		return new Receipt(id, code, clue.code());
	}

	/**
	 * The tip's attachments as the clue's evidence: the cleaned files (no EXIF, GPS or
	 * document properties, {@link TipFiles}) under neutral names, never the reporter's.
	 */
	static List<Evidence> evidence(List<TipFiles.Cleaned> files, int first) {
		List<Evidence> evidence = new java.util.ArrayList<>();
		int n = first;
		for (TipFiles.Cleaned file : files) {
			String name = file.fileName();
			String extension = name.lastIndexOf('.') < 0 ? "" : name.substring(name.lastIndexOf('.'));
			evidence.add(new Evidence("举报附件" + n++ + extension, file.contentType(), file.bytes()));
		}
		return evidence;
	}

	/** The enabled townships and villages the form offers. */
	List<Place> places() {
		return this.jdbc.sql("""
				select code, name, level, parent_code from region
				where enabled and level in ('TOWNSHIP', 'VILLAGE') order by code
				""")
			.query((rs, n) -> new Place(rs.getString(1),
					rs.getString(3).equals("VILLAGE") ? "　" + rs.getString(2) : rs.getString(2)))
			.list();
	}

	record Place(String code, String label) {
	}

	private boolean publicRegion(String code) {
		return this.jdbc
			.sql("select count(*) from region where code = :c and enabled and level in ('TOWNSHIP', 'VILLAGE')")
			.param("c", code)
			.query(Long.class)
			.single() == 1;
	}

	/** The ledger's subject of exactly this name, when there is exactly one. */
	private Subject subjectOf(String name) {
		return TipRules.blank(name) ? null : this.subjects.soleNamed(name).orElse(null);
	}

	private long insertTip(TipForm form, String region, String trackingHash) {
		return this.jdbc
			.sql("""
					insert into tip (tracking_hash, region_code, subject_name, subject_address, subject_business, what_happened,
					  amount_fen, people_count, anonymous, wants_reward, declared_staff, created_at)
					values (:hash, :region, :name, :address, :business, :what, :amount, :people, :anon, :reward, :staff, :now)
					returning id
					""")
			.param("now", Times.now())
			.param("hash", trackingHash)
			.param("region", region)
			.param("name", form.subjectName().strip())
			.param("address", strip(form.subjectAddress()))
			.param("business", strip(form.subjectBusiness()))
			.param("what", form.whatHappened().strip())
			.param("amount", TipRules.amountFen(form.amount()).orElse(null))
			.param("people", TipRules.people(form.peopleCount()))
			.param("anon", form.anonymous())
			.param("reward", !form.anonymous() && form.wantsReward())
			.param("staff", form.declaredStaff())
			.query(Long.class)
			.single();
	}

	private void storeReporter(long id, TipForm form) {
		if (form.anonymous()) {
			return;
		}
		String name = form.reporterName().strip();
		String phone = PersonalData.normalisePhone(form.reporterPhone());
		this.jdbc.sql("""
				insert into tip_reporter (tip_id, name_enc, phone_enc, contact_enc, name_idx)
				values (:id, :name, :phone, :contact, :nameIdx)
				""")
			.param("id", id)
			.param("name", this.cipher.encrypt(name, "tip_reporter.name:" + id))
			.param("phone", this.cipher.encrypt(phone, "tip_reporter.phone:" + id))
			.param("contact",
					TipRules.blank(form.reporterContact()) ? null
							: this.cipher.encrypt(form.reporterContact().strip(), "tip_reporter.contact:" + id))
			.param("nameIdx", this.index.of("tip_reporter.name", name))
			.update();
	}

	/** The clue: what happened and about whom, never who said it. */
	private static ClueForm clueForm(long id, TipForm form, String region, Subject subject) {
		StringBuilder text = new StringBuilder();
		text.append("被举报对象：").append(form.subjectName().strip()).append('\n');
		if (!TipRules.blank(form.subjectAddress())) {
			text.append("地址：").append(form.subjectAddress().strip()).append('\n');
		}
		if (!TipRules.blank(form.subjectBusiness())) {
			text.append("从事：").append(form.subjectBusiness().strip()).append('\n');
		}
		text.append("举报内容：").append(form.whatHappened().strip());
		String title = "群众举报：" + form.subjectName().strip();
		return new ClueForm(ClueSource.TIP, "举报平台", "TIP-" + id, null, title, text.toString(), region, "", "",
				TipRules.blank(form.amount()) ? "" : form.amount().strip().replace(",", ""),
				TipRules.people(form.peopleCount()), null, subject == null ? List.of() : List.of(subject.id()), "",
				null, "", "", "", null);
	}

	/**
	 * Runs as the application, detached from the reporter's request, so that the audit
	 * rows and timeline entries the clue module writes carry neither the reporter's
	 * address nor an anonymous session.
	 */
	static <T> T asSystem(Supplier<T> work) {
		RequestAttributes request = RequestContextHolder.getRequestAttributes();
		SecurityContext security = SecurityContextHolder.getContext();
		RequestContextHolder.resetRequestAttributes();
		SecurityContextHolder.clearContext();
		try {
			return work.get();
		}
		finally {
			RequestContextHolder.setRequestAttributes(request);
			SecurityContextHolder.setContext(security);
		}
	}

	private static String strip(String s) {
		return TipRules.blank(s) ? null : s.strip();
	}

}
