package org.fangfei.app.outreach;

import java.util.LinkedHashMap;
import java.util.Map;

import org.fangfei.app.audit.AuditLog;
import org.fangfei.app.shared.Actor;
import org.fangfei.app.shared.Rejected;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Corrections of the shared registers: materials, volunteers and industry associations.
 * Each is edited against the version its editor read. What activities refer to keeps its
 * history: a material used by an activity cannot be deleted (the activity says it was
 * handed out); a volunteer who joined activities is made inactive instead of deleted (no
 * longer offered on new activities, still named on the old ones); an association with
 * activities or reports cannot be deleted (its reports became clues).
 */
@Service
class RegisterCorrections {

	private final JdbcClient jdbc;

	private final Library library;

	private final SocialForces social;

	private final AuditLog audit;

	RegisterCorrections(JdbcClient jdbc, Library library, SocialForces social, AuditLog audit) {
		this.jdbc = jdbc;
		this.library = library;
		this.social = social;
		this.audit = audit;
	}

	@Transactional(readOnly = true)
	Library.Material material(long id, Actor actor) {
		Activities.need(actor);
		Library.Material m = this.library.get(id, actor.scope());
		mayCorrect(actor, m.departmentId(), "该资料");
		return m;
	}

	@Transactional
	void updateMaterial(long id, Integer version, Library.MaterialForm f, Actor actor) {
		Library.Material m = material(id, actor);
		checkVersion(version, m.version());
		Map<String, String> errors = new LinkedHashMap<>();
		this.library.check(f, actor, errors);
		Checks.done(errors);
		changed(this.jdbc.sql("""
				update outreach_material set kind = :kind, title = :title, region_code = :region, copies = :copies,
				  description = :description, version = version + 1
				where id = :id and version = :version
				""")
			.param("kind", f.kind().name())
			.param("title", f.title().strip())
			.param("region", f.regionCode().strip())
			.param("copies", f.copies() == null ? 0 : f.copies())
			.param("description", Checks.strip(f.description()))
			.param("id", id)
			.param("version", version)
			.update());
		this.audit.success("OUTREACH_MATERIAL_UPDATE", "outreach_material", id,
				"修改宣传资料：" + f.title().strip() + "；修改前：" + m.kind().label() + " " + m.title() + "，" + m.copies() + " 份",
				null, null);
	}

	@Transactional
	void deleteMaterial(long id, Integer version, Actor actor) {
		Library.Material m = material(id, actor);
		checkVersion(version, m.version());
		if (m.activities() > 0) {
			throw new Rejected("该资料已在 " + m.activities() + " 次宣传活动中使用，不能删除；如有错误请修改");
		}
		changed(this.jdbc.sql("delete from outreach_material where id = :id and version = :version")
			.param("id", id)
			.param("version", version)
			.update());
		this.audit.success("OUTREACH_MATERIAL_DELETE", "outreach_material", id,
				"删除宣传资料：" + m.kind().label() + " " + m.title(), null, null);
	}

	@Transactional(readOnly = true)
	SocialForces.Volunteer volunteer(long id, Actor actor) {
		Activities.need(actor);
		SocialForces.Volunteer v = this.social.volunteer(id, actor.scope());
		mayCorrect(actor, v.departmentId(), "该志愿者");
		return v;
	}

	@Transactional
	void updateVolunteer(long id, Integer version, SocialForces.VolunteerForm f, Actor actor) {
		SocialForces.Volunteer v = volunteer(id, actor);
		checkVersion(version, v.version());
		Map<String, String> errors = new LinkedHashMap<>();
		this.social.check(f, actor, errors);
		Checks.done(errors);
		changed(this.jdbc.sql("""
				update volunteer set name = :name, region_code = :region, unit = :unit, skills = :skills,
				  joined_on = :joined, version = version + 1
				where id = :id and version = :version
				""")
			.param("name", f.name().strip())
			.param("region", f.regionCode().strip())
			.param("unit", Checks.strip(f.unit()))
			.param("skills", Checks.strip(f.skills()))
			.param("joined", f.joinedOn())
			.param("id", id)
			.param("version", version)
			.update());
		this.audit.success("VOLUNTEER_UPDATE", "volunteer", id,
				"修改志愿者：" + f.name().strip() + "；修改前：" + v.name() + " " + v.regionCode(), null, null);
	}

	/**
	 * Deletes a volunteer who never joined an activity; one who did is made inactive
	 * instead. Answers whether the volunteer was deleted.
	 */
	@Transactional
	boolean deleteVolunteer(long id, Integer version, Actor actor) {
		SocialForces.Volunteer v = volunteer(id, actor);
		checkVersion(version, v.version());
		if (v.activities() > 0) {
			setEnabled(id, version, false, actor);
			return false;
		}
		changed(this.jdbc.sql("delete from volunteer where id = :id and version = :version")
			.param("id", id)
			.param("version", version)
			.update());
		this.audit.success("VOLUNTEER_DELETE", "volunteer", id, "删除志愿者：" + v.name(), null, null);
		return true;
	}

	@Transactional
	void setEnabled(long id, Integer version, boolean enabled, Actor actor) {
		SocialForces.Volunteer v = volunteer(id, actor);
		checkVersion(version, v.version());
		changed(this.jdbc
			.sql("update volunteer set enabled = :enabled, version = version + 1 where id = :id and version = :version")
			.param("enabled", enabled)
			.param("id", id)
			.param("version", version)
			.update());
		this.audit.success(enabled ? "VOLUNTEER_ACTIVATE" : "VOLUNTEER_DEACTIVATE", "volunteer", id,
				(enabled ? "启用志愿者：" : "停用志愿者：") + v.name() + (enabled ? "" : "(已参加 " + v.activities() + " 次活动，保留记录)"),
				null, null);
	}

	@Transactional(readOnly = true)
	SocialForces.Association association(long id, Actor actor) {
		Activities.need(actor);
		SocialForces.Association a = this.social.association(id, actor.scope());
		mayCorrect(actor, a.departmentId(), "该协会");
		return a;
	}

	@Transactional
	void updateAssociation(long id, Integer version, SocialForces.AssociationForm f, Actor actor) {
		SocialForces.Association a = association(id, actor);
		checkVersion(version, a.version());
		Map<String, String> errors = new LinkedHashMap<>();
		this.social.check(f, id, actor, errors);
		Checks.done(errors);
		changed(this.jdbc.sql("""
				update association set name = :name, sector_code = :sector, region_code = :region,
				  contact_name = :contact, members = :members, version = version + 1
				where id = :id and version = :version
				""")
			.param("name", f.name().strip())
			.param("sector", Checks.strip(f.sectorCode()))
			.param("region", f.regionCode().strip())
			.param("contact", Checks.strip(f.contactName()))
			.param("members", f.members() == null ? 0 : f.members())
			.param("id", id)
			.param("version", version)
			.update());
		this.audit.success("ASSOCIATION_UPDATE", "association", id,
				"修改行业协会：" + f.name().strip() + "；修改前：" + a.name() + " " + a.regionCode() + "，会员 " + a.members(), null,
				null);
	}

	@Transactional
	void deleteAssociation(long id, Integer version, Actor actor) {
		SocialForces.Association a = association(id, actor);
		checkVersion(version, a.version());
		if (a.reports() > 0) {
			throw new Rejected("该协会已有 " + a.reports() + " 份报告转为线索，不能删除");
		}
		if (a.activities() > 0) {
			throw new Rejected("该协会已参加 " + a.activities() + " 次宣传活动，不能删除；如有错误请修改");
		}
		changed(this.jdbc.sql("delete from association where id = :id and version = :version")
			.param("id", id)
			.param("version", version)
			.update());
		this.audit.success("ASSOCIATION_DELETE", "association", id, "删除行业协会：" + a.name(), null, null);
	}

	private static void mayCorrect(Actor actor, Long unit, String what) {
		Corrections.mayCorrect(actor, unit, what + "由其他单位登记，只能由登记单位或县处非办更正");
	}

	private static void checkVersion(Integer version, int current) {
		Corrections.requireVersion(version, current);
	}

	private static void changed(int rows) {
		Corrections.changed(rows);
	}

}
