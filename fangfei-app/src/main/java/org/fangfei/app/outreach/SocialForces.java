package org.fangfei.app.outreach;

import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.fangfei.app.audit.AuditLog;
import org.fangfei.app.clue.ClueForm;
import org.fangfei.app.clue.ClueIntake;
import org.fangfei.app.clue.ClueSource;
import org.fangfei.app.shared.Actor;
import org.fangfei.app.shared.DataScope;
import org.fangfei.app.shared.NotFound;
import org.fangfei.app.shared.PageOf;
import org.fangfei.app.shared.PageRequest;
import org.fangfei.app.shared.SqlLike;
import org.fangfei.app.shared.Times;

import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The social forces (seed 003 art. 15, seed 004 tasks 6–7): volunteers (志愿者) with the
 * activities they joined, and industry associations (行业协会) with their activities and
 * their reports on members, each of which becomes a clue of the channel
 * {@link ClueSource#ASSOCIATION} through the clue module's intake, in the same
 * transaction.
 */
@Service
class SocialForces {

	static final String CLUE_INTAKE = "clue:clue:intake";

	record VolunteerForm(String name, String regionCode, String unit, String skills,
			@DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate joinedOn) {

		static VolunteerForm blank(String regionCode) {
			return new VolunteerForm("", regionCode, "", "", Times.today());
		}

	}

	record Volunteer(long id, String name, String regionCode, String regionName, String unit, String skills,
			LocalDate joinedOn, int activities, int reached, boolean enabled, int version, Long departmentId) {

		VolunteerForm form() {
			return new VolunteerForm(this.name, this.regionCode, this.unit, this.skills, this.joinedOn);
		}

	}

	record AssociationForm(String name, String regionCode, String sectorCode, String contactName, Integer members) {

		static AssociationForm blank(String regionCode) {
			return new AssociationForm("", regionCode, "", "", 0);
		}

	}

	record Association(long id, String name, String regionCode, String regionName, String sectorCode,
			String sectorLabel, String contactName, int members, int activities, int reports, int version,
			Long departmentId) {

		AssociationForm form() {
			return new AssociationForm(this.name, this.regionCode, this.sectorCode, this.contactName, this.members);
		}

	}

	record ReportForm(String memberName, String regionCode,
			@DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate reportedOn, String description, String amount) {
	}

	record Report(long id, long associationId, String associationName, String memberName, String regionCode,
			LocalDate reportedOn, String description, Long clueId, String clueCode) {
	}

	private final JdbcClient jdbc;

	private final ClueIntake clues;

	private final AuditLog audit;

	SocialForces(JdbcClient jdbc, ClueIntake clues, AuditLog audit) {
		this.jdbc = jdbc;
		this.clues = clues;
		this.audit = audit;
	}

	@Transactional
	long addVolunteer(VolunteerForm f, Actor actor) {
		Activities.need(actor);
		Map<String, String> errors = new LinkedHashMap<>();
		check(f, actor, errors);
		Checks.done(errors);
		long id = this.jdbc.sql("""
				insert into volunteer (name, region_code, unit, skills, joined_on, created_by, department_id)
				values (:name, :region, :unit, :skills, :joined, :by, :unit_id) returning id
				""")
			.param("name", f.name().strip())
			.param("region", f.regionCode().strip())
			.param("unit", Checks.strip(f.unit()))
			.param("skills", Checks.strip(f.skills()))
			.param("joined", f.joinedOn())
			.param("by", actor.username())
			.param("unit_id", OutreachScope.unitOf(actor))
			.query(Long.class)
			.single();
		this.audit.success("VOLUNTEER_CREATE", "volunteer", id, "登记志愿者：" + f.name().strip(), null, null);
		return id;
	}

	void check(VolunteerForm f, Actor actor, Map<String, String> errors) {
		Checks.text(f.name(), "name", "志愿者姓名", 50, errors);
		Checks.region(f.regionCode(), actor, this.jdbc, errors);
		Checks.optional(f.unit(), "unit", "所在单位", 100, errors);
		Checks.optional(f.skills(), "skills", "特长", 200, errors);
		Checks.pastDate(f.joinedOn(), "joinedOn", "加入日期", errors);
	}

	@Transactional(readOnly = true)
	PageOf<Volunteer> volunteers(String text, DataScope scope, PageRequest page) {
		return volunteers(text, null, scope, page);
	}

	/** A volunteer the caller may see. */
	@Transactional(readOnly = true)
	Volunteer volunteer(long id, DataScope scope) {
		return volunteers(null, id, scope, PageRequest.of(1)).items()
			.stream()
			.findFirst()
			.orElseThrow(() -> new NotFound("志愿者"));
	}

	private PageOf<Volunteer> volunteers(String text, Long id, DataScope scope, PageRequest page) {
		Map<String, Object> params = new LinkedHashMap<>();
		params.put("id", id);
		params.put("regionLike", scope.regionLike());
		params.put("text", text == null || text.isBlank() ? null : text.strip());
		params.put("like", SqlLike.contains(text == null ? "" : text.strip()));
		String where = " where v.region_code like :regionLike and (cast(:id as bigint) is null or v.id = :id)"
				+ " and (cast(:text as varchar) is null or v.name like :like or v.unit like :like)";
		long total = this.jdbc.sql("select count(*) from volunteer v" + where)
			.params(params)
			.query(Long.class)
			.single();
		List<Volunteer> rows = this.jdbc.sql("""
				select v.*, r.name as region_name,
				  (select count(*) from outreach_activity_volunteer av where av.volunteer_id = v.id) as activities,
				  (select coalesce(sum(a.people_reached), 0) from outreach_activity_volunteer av
				    join outreach_activity a on a.id = av.activity_id where av.volunteer_id = v.id) as reached
				from volunteer v left join region r on r.code = v.region_code
				""" + where + " order by v.id desc limit " + page.size() + " offset " + page.offset())
			.params(params)
			.query((rs, n) -> new Volunteer(rs.getLong("id"), rs.getString("name"), rs.getString("region_code"),
					rs.getString("region_name"), rs.getString("unit"), rs.getString("skills"),
					rs.getObject("joined_on", LocalDate.class), rs.getInt("activities"), rs.getInt("reached"),
					rs.getBoolean("enabled"), rs.getInt("version"), (Long) rs.getObject("department_id")))
			.list();
		return page.pageOf(rows, total);
	}

	@Transactional
	long addAssociation(AssociationForm f, Actor actor) {
		Activities.need(actor);
		Map<String, String> errors = new LinkedHashMap<>();
		check(f, null, actor, errors);
		Checks.done(errors);
		String sector = Checks.strip(f.sectorCode());
		long id = this.jdbc
			.sql("""
					insert into association (name, sector_code, region_code, contact_name, members, created_by, department_id)
					values (:name, :sector, :region, :contact, :members, :by, :unit) returning id
					""")
			.param("name", f.name().strip())
			.param("sector", sector)
			.param("region", f.regionCode().strip())
			.param("contact", Checks.strip(f.contactName()))
			.param("members", f.members() == null ? 0 : f.members())
			.param("by", actor.username())
			.param("unit", OutreachScope.unitOf(actor))
			.query(Long.class)
			.single();
		this.audit.success("ASSOCIATION_CREATE", "association", id, "登记行业协会：" + f.name().strip(), null, null);
		return id;
	}

	/** Checks an association form; {@code self} is the association being corrected. */
	void check(AssociationForm f, Long self, Actor actor, Map<String, String> errors) {
		Checks.text(f.name(), "name", "协会名称", 100, errors);
		Checks.region(f.regionCode(), actor, this.jdbc, errors);
		String sector = Checks.strip(f.sectorCode());
		if (sector != null
				&& this.jdbc.sql("select count(*) from dict_item where dict_type = 'sector' and code = :c and enabled")
					.param("c", sector)
					.query(Long.class)
					.single() == 0) {
			errors.put("sectorCode", "行业“" + sector + "”不在字典中");
		}
		Checks.optional(f.contactName(), "contactName", "联系人", 50, errors);
		Checks.count(f.members(), "members", "会员单位数", 1_000_000, false, errors);
		if (!errors.containsKey("name") && !errors.containsKey("regionCode")
				&& this.jdbc
					.sql("select count(*) from association where name = :n and region_code = :r and id <> :self")
					.param("n", f.name().strip())
					.param("r", f.regionCode().strip())
					.param("self", self == null ? -1L : self)
					.query(Long.class)
					.single() > 0) {
			errors.put("name", "该区划已登记同名行业协会");
		}
	}

	@Transactional(readOnly = true)
	List<Association> associations(DataScope scope) {
		return this.jdbc.sql("""
				select s.*, r.name as region_name, d.label as sector_label,
				  (select count(*) from outreach_activity a where a.association_id = s.id) as activities,
				  (select count(*) from association_report p where p.association_id = s.id) as reports
				from association s left join region r on r.code = s.region_code
				left join dict_item d on d.dict_type = 'sector' and d.code = s.sector_code
				where s.region_code like :regionLike order by s.id limit 500
				""")
			.param("regionLike", scope.regionLike())
			.query((rs, n) -> new Association(rs.getLong("id"), rs.getString("name"), rs.getString("region_code"),
					rs.getString("region_name"), rs.getString("sector_code"), rs.getString("sector_label"),
					rs.getString("contact_name"), rs.getInt("members"), rs.getInt("activities"), rs.getInt("reports"),
					rs.getInt("version"), (Long) rs.getObject("department_id")))
			.list();
	}

	@Transactional(readOnly = true)
	Association association(long id, DataScope scope) {
		return associations(scope).stream()
			.filter(a -> a.id() == id)
			.findFirst()
			.orElseThrow(() -> new NotFound("行业协会"));
	}

	/**
	 * Records an association's report on a member and registers it as a clue of the
	 * channel 行业协会报送, all or nothing; returns the report's id.
	 */
	@Transactional
	long report(long associationId, ReportForm f, Actor actor) {
		Activities.need(actor);
		if (!actor.can(CLUE_INTAKE)) {
			throw new org.springframework.security.access.AccessDeniedException("无权登记线索");
		}
		Association a = association(associationId, actor.scope());
		Map<String, String> errors = new LinkedHashMap<>();
		Checks.text(f.memberName(), "memberName", "被报告的会员单位", 100, errors);
		Checks.region(f.regionCode(), actor, this.jdbc, errors);
		Checks.pastDate(f.reportedOn(), "reportedOn", "报送日期", errors);
		Checks.text(f.description(), "description", "报告内容", 2000, errors);
		Checks.done(errors);
		long id = this.jdbc
			.sql("""
					insert into association_report (association_id, member_name, region_code, reported_on, description, created_by)
					values (:a, :member, :region, :on, :description, :by) returning id
					""")
			.param("a", associationId)
			.param("member", f.memberName().strip())
			.param("region", f.regionCode().strip())
			.param("on", f.reportedOn())
			.param("description", f.description().strip())
			.param("by", actor.username())
			.query(Long.class)
			.single();
		ClueForm clue = new ClueForm(ClueSource.ASSOCIATION, a.name(), "ASSOCIATION-" + id,
				f.reportedOn().equals(Times.today()) ? null : f.reportedOn().atTime(9, 0),
				"行业协会报送：" + f.memberName().strip(), "会员单位：" + f.memberName().strip() + "\n" + f.description().strip(),
				f.regionCode().strip(), a.sectorCode() == null ? "" : a.sectorCode(), "",
				f.amount() == null ? "" : f.amount().strip(), null, null, List.of(), "", null, "", "", "", null);
		ClueIntake.Registered registered = this.clues.register(clue, actor);
		this.jdbc.sql("update association_report set clue_id = :clue, clue_code = :code where id = :id")
			.param("clue", registered.id())
			.param("code", registered.code())
			.param("id", id)
			.update();
		this.audit.success("ASSOCIATION_REPORT", "association_report", id,
				a.name() + " 报送会员单位 " + f.memberName().strip() + "，转为线索 " + registered.code(), null, null);
		return id;
	}

	@Transactional(readOnly = true)
	List<Report> reports(long associationId, DataScope scope) {
		association(associationId, scope);
		return this.jdbc
			.sql("""
					select p.*, s.name as association_name from association_report p join association s on s.id = p.association_id
					where p.association_id = :a order by p.id desc
					""")
			.param("a", associationId)
			.query((rs, n) -> new Report(rs.getLong("id"), rs.getLong("association_id"),
					rs.getString("association_name"), rs.getString("member_name"), rs.getString("region_code"),
					rs.getObject("reported_on", LocalDate.class), rs.getString("description"),
					(Long) rs.getObject("clue_id"), rs.getString("clue_code")))
			.list();
	}

}
