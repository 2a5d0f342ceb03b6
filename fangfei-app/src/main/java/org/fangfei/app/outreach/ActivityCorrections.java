package org.fangfei.app.outreach;

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
 * Corrections of an outreach activity: editing it with its materials, volunteers and
 * photos, or deleting a wrong entry with everything attached. An activity is a record of
 * the county's own work, not of anyone's rights, so a wrong one is deleted rather than
 * withdrawn; the audit log keeps what it said. Both check the version the editor read, so
 * two people correcting the same activity do not overwrite each other.
 */
@Service
class ActivityCorrections {

	/**
	 * An activity opened for correction: its current values as a form, and its photos.
	 */
	record Editing(Activities.OutreachActivity activity, Activities.ActivityForm form, List<Long> photos) {
	}

	private final JdbcClient jdbc;

	private final Activities activities;

	private final AuditLog audit;

	ActivityCorrections(JdbcClient jdbc, Activities activities, AuditLog audit) {
		this.jdbc = jdbc;
		this.activities = activities;
		this.audit = audit;
	}

	/**
	 * The activity as the caller may correct it; 404 outside the scope, 403 not theirs.
	 */
	@Transactional(readOnly = true)
	Editing editing(long id, Actor actor) {
		Activities.OutreachActivity a = correctable(id, actor);
		Activities.ActivityForm form = new Activities.ActivityForm(a.venue(), a.heldOn(), a.regionCode(), a.place(),
				a.organiser(), a.forms(), a.peopleReached(), a.elderly(), a.lowIncome(), a.materialsGiven(),
				a.associationId(),
				ids("select material_id from outreach_activity_material where activity_id = :id", id),
				ids("select volunteer_id from outreach_activity_volunteer where activity_id = :id", id), a.summary());
		return new Editing(a, form,
				ids("select id from outreach_activity_photo where activity_id = :id order by id", id));
	}

	@Transactional
	void update(long id, Integer version, Activities.ActivityForm f, List<Long> removePhotos,
			List<ActivityPhotos.Photo> newPhotos, Actor actor) {
		Activities.OutreachActivity a = current(id, version, actor);
		List<Long> photos = ids("select id from outreach_activity_photo where activity_id = :id", id);
		List<Long> removed = removePhotos == null ? List.of() : removePhotos.stream().filter(photos::contains).toList();
		Map<String, String> errors = new LinkedHashMap<>();
		this.activities.check(f,
				ids("select volunteer_id from outreach_activity_volunteer where activity_id = :id", id), actor, errors);
		if (photos.size() - removed.size() + newPhotos.size() > ActivityPhotos.MAX_PHOTOS) {
			errors.put("photos", "每次活动最多保留" + ActivityPhotos.MAX_PHOTOS + "张照片，请先删除部分照片");
		}
		Checks.done(errors);
		int changed = this.jdbc
			.sql("""
					update outreach_activity set venue = :venue, held_on = :held, region_code = :region, place = :place,
					  organiser = :organiser, forms = :forms, people_reached = :reached, elderly = :elderly, low_income = :low,
					  materials_given = :given, association_id = :association, summary = :summary, version = version + 1
					where id = :id and version = :version
					""")
			.param("venue", f.venue().name())
			.param("held", f.heldOn())
			.param("region", f.regionCode().strip())
			.param("place", f.place().strip())
			.param("organiser", f.organiser().strip())
			.param("forms", String.join(",", f.forms().stream().map(Enum::name).toList()))
			.param("reached", f.peopleReached())
			.param("elderly", f.elderly())
			.param("low", f.lowIncome())
			.param("given", f.materialsGiven() == null ? 0 : f.materialsGiven())
			.param("association", f.associationId())
			.param("summary", Checks.strip(f.summary()))
			.param("id", id)
			.param("version", version)
			.update();
		if (changed != 1) {
			throw Corrections.stale();
		}
		unlink(id);
		this.activities.links(id, f);
		if (!removed.isEmpty()) {
			this.jdbc.sql("delete from outreach_activity_photo where activity_id = :id and id in (:photos)")
				.param("id", id)
				.param("photos", removed)
				.update();
		}
		for (ActivityPhotos.Photo photo : newPhotos) {
			this.activities.addPhoto(id, photo);
		}
		this.audit.success("OUTREACH_ACTIVITY_UPDATE", "outreach_activity", id,
				"修改宣传活动：" + f.venue().label() + " " + f.place().strip() + "，覆盖 " + f.peopleReached() + " 人"
						+ (removed.isEmpty() ? "" : "，删除照片 " + removed.size() + " 张")
						+ (newPhotos.isEmpty() ? "" : "，新增照片 " + newPhotos.size() + " 张") + "；修改前：" + describe(a),
				null, null);
	}

	/** Deletes the activity with its photos, materials and volunteers. */
	@Transactional
	void delete(long id, Integer version, Actor actor) {
		Activities.OutreachActivity a = current(id, version, actor);
		unlink(id);
		this.jdbc.sql("delete from outreach_activity_photo where activity_id = :id").param("id", id).update();
		if (this.jdbc.sql("delete from outreach_activity where id = :id and version = :version")
			.param("id", id)
			.param("version", version)
			.update() != 1) {
			throw Corrections.stale();
		}
		this.audit.success("OUTREACH_ACTIVITY_DELETE", "outreach_activity", id, "删除宣传活动：" + describe(a), null, null);
	}

	private Activities.OutreachActivity current(long id, Integer version, Actor actor) {
		Activities.OutreachActivity a = correctable(id, actor);
		Corrections.requireVersion(version, a.version());
		return a;
	}

	private Activities.OutreachActivity correctable(long id, Actor actor) {
		Activities.need(actor);
		Activities.OutreachActivity a = this.activities.get(id, OutreachScope.of(actor));
		if (!OutreachScope.mayCorrect(actor, a.departmentId())) {
			throw new AccessDeniedException("该活动由成员单位登记，只能由该单位或县处非办更正");
		}
		return a;
	}

	private void unlink(long id) {
		this.jdbc.sql("delete from outreach_activity_material where activity_id = :id").param("id", id).update();
		this.jdbc.sql("delete from outreach_activity_volunteer where activity_id = :id").param("id", id).update();
	}

	private List<Long> ids(String sql, long id) {
		return this.jdbc.sql(sql).param("id", id).query(Long.class).list();
	}

	private static String describe(Activities.OutreachActivity a) {
		return a.heldOn() + " " + a.venue().label() + " " + a.regionCode() + " " + a.place() + "，组织单位 " + a.organiser()
				+ "，形式 " + a.formLabels() + "，覆盖 " + a.peopleReached() + " 人，发放资料 " + a.materialsGiven() + " 份";
	}

}
