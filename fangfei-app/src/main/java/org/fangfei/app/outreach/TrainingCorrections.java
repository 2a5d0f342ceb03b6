package org.fangfei.app.outreach;

import java.math.BigDecimal;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.fangfei.app.audit.AuditLog;
import org.fangfei.app.shared.Actor;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Corrections of a training session: editing it with its attendees, or deleting a wrong
 * entry with its attendance. The hours per person and the coverage are counted from the
 * sessions as they are, so a correction shows at once; the audit log keeps what the
 * session said before. Both check the version the editor read.
 */
@Service
class TrainingCorrections {

	private final JdbcClient jdbc;

	private final Trainings trainings;

	private final AuditLog audit;

	TrainingCorrections(JdbcClient jdbc, Trainings trainings, AuditLog audit) {
		this.jdbc = jdbc;
		this.trainings = trainings;
		this.audit = audit;
	}

	/** The session's current values as a form, for the caller to correct. */
	@Transactional(readOnly = true)
	Trainings.SessionForm form(long id, Actor actor) {
		Trainings.TrainingSession t = correctable(id, actor);
		return new Trainings.SessionForm(t.topic(), t.heldOn(), t.regionCode(), t.trainer(),
				t.hours().stripTrailingZeros().toPlainString(), t.materials(), attendees(id));
	}

	@Transactional
	void update(long id, Integer version, Trainings.SessionForm f, Actor actor) {
		Trainings.TrainingSession t = current(id, version, actor);
		Map<String, String> errors = new LinkedHashMap<>();
		BigDecimal hours = this.trainings.check(f, attendees(id), actor, errors);
		Checks.done(errors);
		int changed = this.jdbc.sql("""
				update training_session set topic = :topic, held_on = :held, region_code = :region, trainer = :trainer,
				  hours = :hours, materials = :materials, version = version + 1
				where id = :id and version = :version
				""")
			.param("topic", f.topic().strip())
			.param("held", f.heldOn())
			.param("region", f.regionCode().strip())
			.param("trainer", f.trainer().strip())
			.param("hours", hours)
			.param("materials", Checks.strip(f.materials()))
			.param("id", id)
			.param("version", version)
			.update();
		if (changed != 1) {
			throw Corrections.stale();
		}
		this.jdbc.sql("delete from training_attendee where session_id = :id").param("id", id).update();
		this.trainings.attend(id, f.attendeeIds());
		this.audit.success("TRAINING_UPDATE", "training_session", id, "修改培训：" + f.topic().strip() + "，参训 "
				+ f.attendeeIds().size() + " 人，" + hours + " 学时；修改前：" + describe(t), null, null);
	}

	@Transactional
	void delete(long id, Integer version, Actor actor) {
		Trainings.TrainingSession t = current(id, version, actor);
		this.jdbc.sql("delete from training_attendee where session_id = :id").param("id", id).update();
		if (this.jdbc.sql("delete from training_session where id = :id and version = :version")
			.param("id", id)
			.param("version", version)
			.update() != 1) {
			throw Corrections.stale();
		}
		this.audit.success("TRAINING_DELETE", "training_session", id, "删除培训：" + describe(t), null, null);
	}

	private Trainings.TrainingSession current(long id, Integer version, Actor actor) {
		Trainings.TrainingSession t = correctable(id, actor);
		Corrections.requireVersion(version, t.version());
		return t;
	}

	private Trainings.TrainingSession correctable(long id, Actor actor) {
		if (!actor.can(Trainings.EDIT)) {
			throw new AccessDeniedException("无权更正培训");
		}
		Trainings.TrainingSession t = this.trainings.get(id, OutreachScope.of(actor));
		if (!OutreachScope.mayCorrect(actor, t.departmentId())) {
			throw new AccessDeniedException("该培训由成员单位登记，只能由该单位或县处非办更正");
		}
		return t;
	}

	private List<Long> attendees(long id) {
		return this.jdbc.sql("select person_id from training_attendee where session_id = :id order by person_id")
			.param("id", id)
			.query(Long.class)
			.list();
	}

	private static String describe(Trainings.TrainingSession t) {
		return t.heldOn() + " " + t.topic() + "，" + t.regionCode() + "，授课人 " + t.trainer() + "，" + t.hours() + " 学时，参训 "
				+ t.attendees() + " 人";
	}

}
