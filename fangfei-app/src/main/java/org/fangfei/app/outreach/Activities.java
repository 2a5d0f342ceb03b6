package org.fangfei.app.outreach;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import org.fangfei.app.audit.AuditLog;
import org.fangfei.app.shared.Actor;
import org.fangfei.app.shared.DataScope;
import org.fangfei.app.shared.NotFound;
import org.fangfei.app.shared.PageOf;
import org.fangfei.app.shared.PageRequest;
import org.fangfei.app.shared.Regions12;
import org.fangfei.app.shared.SqlLike;
import org.fangfei.app.shared.Times;

import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Outreach activities (宣传活动, seed 001 task 12, seed 003 art. 8): where (the 七进 venue and
 * the region), when, by whom, in which forms, how many people were reached and whether
 * older and low-income people were among them, with the materials handed out, the
 * volunteers and association that took part, and photos (re-encoded by
 * {@link ActivityPhotos}).
 */
@Service
class Activities {

	static final String EDIT = "outreach:outreach:edit";

	record ActivityForm(Venue venue, @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate heldOn, String regionCode,
			String place, String organiser, List<OutreachForm> forms, Integer peopleReached, Boolean elderly,
			Boolean lowIncome, Integer materialsGiven, Long associationId, List<Long> materialIds,
			List<Long> volunteerIds, String summary) {

		ActivityForm {
			// an unticked box sends nothing
			elderly = Boolean.TRUE.equals(elderly);
			lowIncome = Boolean.TRUE.equals(lowIncome);
			forms = forms == null ? List.of() : forms.stream().filter(java.util.Objects::nonNull).distinct().toList();
			materialIds = materialIds == null ? List.of()
					: materialIds.stream().filter(java.util.Objects::nonNull).distinct().toList();
			volunteerIds = volunteerIds == null ? List.of()
					: volunteerIds.stream().filter(java.util.Objects::nonNull).distinct().toList();
		}

		static ActivityForm blank(String regionCode) {
			return new ActivityForm(Venue.COMMUNITY, Times.today(), regionCode, "", "", List.of(OutreachForm.LEAFLET),
					null, false, false, 0, null, List.of(), List.of(), "");
		}

	}

	record OutreachActivity(long id, Venue venue, LocalDate heldOn, String regionCode, String regionName, String place,
			String organiser, List<OutreachForm> forms, int peopleReached, boolean elderly, boolean lowIncome,
			int materialsGiven, Long associationId, String associationName, String summary, String createdBy,
			int photos, int version, Long departmentId) {

		public String formLabels() {
			return this.forms.stream().map(OutreachForm::label).collect(Collectors.joining("、"));
		}

		public String targets() {
			return (this.elderly ? "老年人 " : "") + (this.lowIncome ? "低收入群体" : "");
		}

	}

	record ActivityQuery(Venue venue, String regionCode, Integer year, String text) {
	}

	private final JdbcClient jdbc;

	private final AuditLog audit;

	Activities(JdbcClient jdbc, AuditLog audit) {
		this.jdbc = jdbc;
		this.audit = audit;
	}

	@Transactional
	long create(ActivityForm f, List<ActivityPhotos.Photo> photos, Actor actor) {
		need(actor);
		Map<String, String> errors = new LinkedHashMap<>();
		check(f, List.of(), actor, errors);
		Checks.done(errors);
		long id = this.jdbc
			.sql("""
					insert into outreach_activity (venue, held_on, region_code, place, organiser, forms, people_reached, elderly,
					  low_income, materials_given, association_id, summary, created_by, department_id)
					values (:venue, :held, :region, :place, :organiser, :forms, :reached, :elderly, :low, :given, :association,
					  :summary, :by, :unit) returning id
					""")
			.param("venue", f.venue().name())
			.param("held", f.heldOn())
			.param("region", f.regionCode().strip())
			.param("place", f.place().strip())
			.param("organiser", f.organiser().strip())
			.param("forms", f.forms().stream().map(Enum::name).collect(Collectors.joining(",")))
			.param("reached", f.peopleReached())
			.param("elderly", f.elderly())
			.param("low", f.lowIncome())
			.param("given", f.materialsGiven() == null ? 0 : f.materialsGiven())
			.param("association", f.associationId())
			.param("summary", Checks.strip(f.summary()))
			.param("by", actor.username())
			.param("unit", OutreachScope.unitOf(actor))
			.query(Long.class)
			.single();
		links(id, f);
		for (ActivityPhotos.Photo photo : photos) {
			addPhoto(id, photo);
		}
		this.audit.success("OUTREACH_ACTIVITY", "outreach_activity", id,
				"登记宣传活动：" + f.venue().label() + " " + f.place().strip() + "，覆盖 " + f.peopleReached() + " 人", null,
				null);
		return id;
	}

	/**
	 * Checks an activity form; {@code linkedVolunteers} are the volunteers the activity
	 * already has, which stay acceptable when they have since been made inactive.
	 */
	void check(ActivityForm f, List<Long> linkedVolunteers, Actor actor, Map<String, String> errors) {
		if (f.venue() == null) {
			errors.put("venue", "请选择宣传场所(七进)");
		}
		Checks.pastDate(f.heldOn(), "heldOn", "活动日期", errors);
		Checks.region(f.regionCode(), actor, this.jdbc, errors);
		Checks.text(f.place(), "place", "活动地点", 200, errors);
		Checks.text(f.organiser(), "organiser", "组织单位", 100, errors);
		if (f.forms().isEmpty()) {
			errors.put("forms", "请至少选择一种宣传形式");
		}
		Checks.count(f.peopleReached(), "peopleReached", "覆盖人数", 1_000_000, true, errors);
		Checks.count(f.materialsGiven(), "materialsGiven", "发放资料份数", 1_000_000, false, errors);
		Checks.optional(f.summary(), "summary", "活动情况", 2000, errors);
		DataScope scope = actor.scope();
		if (f.associationId() != null && count("association", List.of(f.associationId()), scope) != 1) {
			errors.put("associationId", "行业协会不存在或不在您的管辖范围内");
		}
		if (!f.materialIds().isEmpty()
				&& count("outreach_material", f.materialIds(), scope) != f.materialIds().size()) {
			errors.put("materialIds", "宣传资料不存在或不在您的管辖范围内");
		}
		List<Long> added = f.volunteerIds().stream().filter(v -> !linkedVolunteers.contains(v)).toList();
		if (!added.isEmpty() && count("volunteer", added, scope) != added.size()) {
			errors.put("volunteerIds", "志愿者不存在、已停用或不在您的管辖范围内");
		}
	}

	/** Writes the activity's materials and volunteers. */
	void links(long id, ActivityForm f) {
		for (Long material : f.materialIds()) {
			this.jdbc.sql("insert into outreach_activity_material (activity_id, material_id) values (:a, :m)")
				.param("a", id)
				.param("m", material)
				.update();
		}
		for (Long volunteer : f.volunteerIds()) {
			this.jdbc.sql("insert into outreach_activity_volunteer (activity_id, volunteer_id) values (:a, :v)")
				.param("a", id)
				.param("v", volunteer)
				.update();
		}
	}

	void addPhoto(long id, ActivityPhotos.Photo photo) {
		this.jdbc
			.sql("insert into outreach_activity_photo (activity_id, content_type, content) values (:a, :type, :bytes)")
			.param("a", id)
			.param("type", photo.contentType())
			.param("bytes", photo.bytes())
			.update();
	}

	private long count(String table, List<Long> ids, DataScope scope) {
		String sql = switch (table) {
			case "association" ->
				"select count(*) from association where id in (:ids) and region_code like :regionLike";
			case "outreach_material" ->
				"select count(*) from outreach_material where id in (:ids) and region_code like :regionLike";
			case "volunteer" ->
				"select count(*) from volunteer where id in (:ids) and region_code like :regionLike and enabled";
			default -> throw new IllegalArgumentException(table);
		};
		return this.jdbc.sql(sql).param("ids", ids).param("regionLike", scope.regionLike()).query(Long.class).single();
	}

	@Transactional(readOnly = true)
	OutreachActivity get(long id, OutreachScope scope) {
		return this.jdbc.sql(SELECT + " where a.id = :id and" + OutreachScope.where("a"))
			.params(scope.params())
			.param("id", id)
			.query((rs, n) -> row(rs))
			.optional()
			.orElseThrow(() -> new NotFound("宣传活动"));
	}

	/** The materials and volunteers of an activity, as names. */
	@Transactional(readOnly = true)
	Map<String, List<String>> parts(long id) {
		Map<String, List<String>> parts = new HashMap<>();
		parts.put("materials", this.jdbc.sql("""
				select m.title from outreach_activity_material am join outreach_material m on m.id = am.material_id
				where am.activity_id = :id order by m.id
				""").param("id", id).query(String.class).list());
		parts.put("volunteers", this.jdbc.sql("""
				select v.name from outreach_activity_volunteer av join volunteer v on v.id = av.volunteer_id
				where av.activity_id = :id order by v.id
				""").param("id", id).query(String.class).list());
		parts.put("photos",
				this.jdbc
					.sql("select cast(id as varchar) from outreach_activity_photo where activity_id = :id order by id")
					.param("id", id)
					.query(String.class)
					.list());
		return parts;
	}

	/** A photo of an activity the caller may see. */
	@Transactional(readOnly = true)
	ActivityPhotos.Photo photo(long activityId, long photoId, OutreachScope scope) {
		get(activityId, scope);
		return this.jdbc
			.sql("select content_type, content from outreach_activity_photo where id = :p and activity_id = :a")
			.param("p", photoId)
			.param("a", activityId)
			.query((rs, n) -> new ActivityPhotos.Photo(rs.getString(1), rs.getBytes(2)))
			.optional()
			.orElseThrow(() -> new NotFound("照片"));
	}

	@Transactional(readOnly = true)
	PageOf<OutreachActivity> search(ActivityQuery q, OutreachScope scope, PageRequest page) {
		StringBuilder where = new StringBuilder(" where" + OutreachScope.where("a"));
		Map<String, Object> params = scope.params();
		if (q.venue() != null) {
			where.append(" and a.venue = :venue");
			params.put("venue", q.venue().name());
		}
		if (q.regionCode() != null && Regions12.isValid(q.regionCode().strip())) {
			where.append(" and a.region_code like :prefix");
			params.put("prefix", Regions12.prefixOf(q.regionCode().strip()) + "%");
		}
		if (q.year() != null) {
			where.append(" and a.held_on >= :from and a.held_on < :to");
			params.put("from", LocalDate.of(q.year(), 1, 1));
			params.put("to", LocalDate.of(q.year() + 1, 1, 1));
		}
		if (q.text() != null && !q.text().isBlank()) {
			where.append(" and (a.place like :like or a.organiser like :like)");
			params.put("like", SqlLike.contains(q.text().strip()));
		}
		long total = this.jdbc.sql("select count(*) from outreach_activity a" + where)
			.params(params)
			.query(Long.class)
			.single();
		List<OutreachActivity> rows = this.jdbc
			.sql(SELECT + where + " order by a.held_on desc, a.id desc limit " + page.size() + " offset "
					+ page.offset())
			.params(params)
			.query((rs, n) -> row(rs))
			.list();
		return page.pageOf(rows, total);
	}

	static void need(Actor actor) {
		if (!actor.can(EDIT)) {
			throw new org.springframework.security.access.AccessDeniedException("无权登记宣传教育工作");
		}
	}

	private static final String SELECT = """
			select a.*, r.name as region_name, s.name as association_name,
			  (select count(*) from outreach_activity_photo p where p.activity_id = a.id) as photos
			from outreach_activity a left join region r on r.code = a.region_code
			left join association s on s.id = a.association_id
			""";

	private static OutreachActivity row(ResultSet rs) throws SQLException {
		List<OutreachForm> forms = Arrays.stream(rs.getString("forms").split(","))
			.filter(s -> !s.isBlank())
			.map(OutreachForm::valueOf)
			.collect(Collectors.toCollection(LinkedHashSet::new))
			.stream()
			.toList();
		return new OutreachActivity(rs.getLong("id"), Venue.valueOf(rs.getString("venue")),
				rs.getObject("held_on", LocalDate.class), rs.getString("region_code"), rs.getString("region_name"),
				rs.getString("place"), rs.getString("organiser"), forms, rs.getInt("people_reached"),
				rs.getBoolean("elderly"), rs.getBoolean("low_income"), rs.getInt("materials_given"),
				(Long) rs.getObject("association_id"), rs.getString("association_name"), rs.getString("summary"),
				rs.getString("created_by"), rs.getInt("photos"), rs.getInt("version"),
				(Long) rs.getObject("department_id"));
	}

}
