package org.fangfei.app.evaluation;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;

import org.fangfei.app.audit.AuditLog;
import org.fangfei.app.casefile.CaseEvent;
import org.fangfei.app.organisation.Region;
import org.fangfei.app.organisation.RegionLevel;
import org.fangfei.app.organisation.Regions;
import org.fangfei.app.shared.Actor;
import org.fangfei.app.shared.Conflict;
import org.fangfei.app.shared.DataScope;
import org.fangfei.app.shared.FileType;
import org.fangfei.app.shared.Images;
import org.fangfei.app.shared.NotFound;
import org.fangfei.app.shared.Rejected;
import org.fangfei.app.shared.ReturnReason;
import org.fangfei.app.shared.Times;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.web.multipart.MultipartFile;

/**
 * The 无非法集资社区(村) drive (seed 002): a township nominates its communities (at least one a
 * year), fills the checklist's evidence and submits its self-assessment; the county
 * office returns it with reasons or certifies it with a date; a case opened in a
 * certified community revokes it. Every move is on the community's timeline and in the
 * audit log.
 */
@Service
class Communities {

	/** A nominated community. */
	record Community(long id, int year, String regionCode, String regionName, String townshipCode, String townshipName,
			CommunityStatus status, LocalDate certifiedOn, LocalDate revokedOn, String revokedReason, int version) {
	}

	/** One entry of the timeline. */
	record Event(String kind, OffsetDateTime at, String actorName, String note) {

		public String label() {
			return switch (CommunityStatus.valueOf(this.kind)) {
				case NOMINATED -> "推荐";
				case SUBMITTED -> "自评上报";
				case RETURNED -> "退回";
				case CERTIFIED -> "认定";
				case REVOKED -> "撤销认定";
			};
		}

	}

	static final long MAX_PHOTO = 8 * 1024 * 1024;

	private final JdbcClient jdbc;

	private final Regions regions;

	private final Checklist checklist;

	private final AuditLog audit;

	Communities(JdbcClient jdbc, Regions regions, Checklist checklist, AuditLog audit) {
		this.jdbc = jdbc;
		this.regions = regions;
		this.checklist = checklist;
		this.audit = audit;
	}

	/**
	 * The township nominates one of its villages or communities for the year's drive.
	 * @throws Rejected for a region outside the township, not a village, disabled, or
	 * already nominated that year
	 */
	@Transactional
	public Community nominate(int year, String regionCode, Actor actor) {
		Years.check(year);
		if (regionCode == null || regionCode.isBlank()) {
			throw new Rejected("请选择村(社区)", Map.of("regionCode", "请选择村(社区)"));
		}
		Region village;
		try {
			village = this.regions.get(regionCode.strip(), actor.scope());
		}
		catch (NotFound ex) {
			throw new Rejected("只能推荐本辖区的村(社区)", Map.of("regionCode", "不在本辖区"));
		}
		if (village.level() != RegionLevel.VILLAGE || !village.enabled()) {
			throw new Rejected(village.name() + "不是启用中的村(社区)，创建对象须为村(社区)", Map.of("regionCode", "请选择村(社区)"));
		}
		Long id = this.jdbc.sql("""
				insert into evaluation_community (year, region_code, township_code, status)
				values (:y, :r, :t, 'NOMINATED') on conflict (year, region_code) do nothing returning id
				""")
			.param("y", year)
			.param("r", village.code())
			.param("t", village.parentCode())
			.query(Long.class)
			.optional()
			.orElseThrow(() -> new Rejected(village.name() + "已推荐为" + year + "年度创建社区(村)"));
		event(id, CommunityStatus.NOMINATED, actor, null);
		this.audit.success("COMMUNITY_NOMINATE", "evaluation_community", id,
				"推荐" + village.name() + "创建" + year + "年度无非法集资社区(村)", null, null);
		return get(id, actor.scope());
	}

	/**
	 * Adds the township's evidence to an item: a note and optionally a photo, re-encoded
	 * (metadata dropped) like every photo the platform keeps.
	 * @throws Rejected for an item the records alone decide, no note, a file that is not
	 * a photo, or a community not open for evidence
	 */
	@Transactional
	public void addEvidence(long id, String item, String note, MultipartFile photo, Actor actor) {
		Community c = get(id, actor.scope());
		requireOpen(c);
		Standard standard;
		try {
			standard = Standard.valueOf(item == null ? "" : item);
		}
		catch (IllegalArgumentException ex) {
			throw new Rejected("请选择创建标准", Map.of("item", "请选择创建标准"));
		}
		if (!standard.evidenceAllowed()) {
			throw new Rejected("“" + standard.label() + "”按案件记录判定，不能以佐证材料代替");
		}
		if (note == null || note.isBlank()) {
			throw new Rejected("请填写佐证说明", Map.of("note", "请填写佐证说明"));
		}
		if (note.strip().length() > 500) {
			throw new Rejected("佐证说明不能超过500个字", Map.of("note", "佐证说明过长"));
		}
		byte[] cleaned = null;
		String type = null;
		if (photo != null && !photo.isEmpty()) {
			if (photo.getSize() > MAX_PHOTO) {
				throw new Rejected("佐证照片不能超过8MB", Map.of("photo", "照片过大"));
			}
			byte[] bytes;
			try {
				bytes = photo.getBytes();
			}
			catch (IOException ex) {
				throw new UncheckedIOException(ex);
			}
			FileType ft = FileType.of(bytes);
			if (ft != FileType.JPEG && ft != FileType.PNG) {
				throw new Rejected("佐证材料只接收照片(JPG、PNG，按文件内容判断)，文件请拍照后上传", Map.of("photo", "不是照片"));
			}
			Images.Reencoded r = Images.reencoded(bytes, 2000, Images.MAX_PIXELS, "佐证照片", "photo");
			cleaned = r.bytes();
			type = r.type().contentType();
		}
		this.jdbc.sql("""
				insert into evaluation_evidence (community_id, item, note, photo, photo_type, added_at, added_by)
				values (:c, :i, :n, :p, :t, :now, :by)
				""")
			.param("c", id)
			.param("i", standard.name())
			.param("n", note.strip())
			.param("p", cleaned)
			.param("t", type)
			.param("now", Times.now())
			.param("by", actor.displayName())
			.update();
		this.audit.success("COMMUNITY_EVIDENCE", "evaluation_community", id,
				c.regionName() + "“" + standard.label() + "”佐证：" + note.strip(), null, null);
	}

	/**
	 * The township submits its self-assessment.
	 * @throws Rejected unless every standard is met, from the records or by evidence
	 */
	@Transactional
	public Community submit(long id, Actor actor) {
		Community c = get(id, actor.scope());
		requireOpen(c);
		List<String> unmet = checklist(c).stream().filter(i -> !i.met()).map(i -> i.standard().label()).toList();
		if (!unmet.isEmpty()) {
			throw new Rejected("以下创建标准尚未达到或缺少佐证，不能上报：" + String.join("；", unmet));
		}
		move(c, CommunityStatus.SUBMITTED, null);
		event(id, CommunityStatus.SUBMITTED, actor, null);
		this.audit.success("COMMUNITY_SUBMIT", "evaluation_community", id, c.regionName() + "创建自评上报", null, null);
		return get(id, actor.scope());
	}

	/** The county office returns a self-assessment with its reasons. */
	@Transactional
	public Community returnIt(long id, String reason, Actor actor) {
		Community c = get(id, actor.scope());
		String text = ReturnReason.required(reason);
		requireSubmitted(c);
		move(c, CommunityStatus.RETURNED, null);
		event(id, CommunityStatus.RETURNED, actor, text);
		this.audit.success("COMMUNITY_RETURN", "evaluation_community", id, "退回" + c.regionName() + "创建自评：" + text, null,
				null);
		return get(id, actor.scope());
	}

	/**
	 * The county office certifies the community from today.
	 * @throws Rejected unless submitted, or when a standard is no longer met (a case
	 * opened since the submission)
	 */
	@Transactional
	public Community certify(long id, Actor actor) {
		Community c = get(id, actor.scope());
		requireSubmitted(c);
		List<String> unmet = checklist(c).stream().filter(i -> !i.met()).map(i -> i.standard().label()).toList();
		if (!unmet.isEmpty()) {
			throw new Rejected("以下创建标准现已不再满足，不能认定，请退回：" + String.join("；", unmet));
		}
		move(c, CommunityStatus.CERTIFIED, "certified_on = :today");
		event(id, CommunityStatus.CERTIFIED, actor, null);
		this.audit.success("COMMUNITY_CERTIFY", "evaluation_community", id,
				"认定" + c.regionName() + "为" + c.year() + "年度无非法集资社区(村)", null, null);
		return get(id, actor.scope());
	}

	/**
	 * A case opened in a certified community revokes the certification (seed 002: 基本实现
	 * 辖区内无非法集资活动); the community's timeline says which case.
	 */
	@ApplicationModuleListener
	void on(CaseEvent.Opened event) {
		List<Community> certified = this.jdbc.sql(SELECT + " where c.region_code = :r and c.status = 'CERTIFIED'")
			.param("r", event.file().regionCode())
			.query((rs, n) -> community(rs))
			.list();
		for (Community c : certified) {
			String reason = "新发案件 " + event.file().code() + " " + event.file().title();
			this.jdbc.sql("""
					update evaluation_community set status = 'REVOKED', revoked_on = :on, revoked_reason = :why,
					       version = version + 1 where id = :id and status = 'CERTIFIED'
					""")
				.param("on", event.on())
				.param("why", reason.length() > 300 ? reason.substring(0, 300) : reason)
				.param("id", c.id())
				.update();
			this.jdbc.sql("""
					insert into evaluation_community_event (community_id, kind, occurred_at, actor, actor_name, note)
					values (:id, 'REVOKED', :now, 'system', '系统', :note)
					""").param("id", c.id()).param("now", Times.now()).param("note", reason).update();
			this.audit.success("COMMUNITY_REVOKE", "evaluation_community", c.id(),
					"撤销" + c.regionName() + "无非法集资社区(村)认定：" + reason, null, null);
		}
	}

	@Transactional(readOnly = true)
	public Community get(long id, DataScope scope) {
		return this.jdbc.sql(SELECT + " where c.id = :id and c.region_code like :regionLike")
			.param("id", id)
			.param("regionLike", scope.regionLike())
			.query((rs, n) -> community(rs))
			.optional()
			.orElseThrow(() -> new NotFound("创建社区(村)"));
	}

	/** The year's nominated communities within the scope, by township. */
	@Transactional(readOnly = true)
	public List<Community> of(int year, DataScope scope) {
		return this.jdbc.sql(SELECT + " where c.year = :y and c.region_code like :regionLike order by c.region_code")
			.param("y", year)
			.param("regionLike", scope.regionLike())
			.query((rs, n) -> community(rs))
			.list();
	}

	@Transactional(readOnly = true)
	public List<Checklist.Item> checklist(Community c) {
		return this.checklist.of(c.id(), c.year(), c.regionCode(), c.regionName());
	}

	@Transactional(readOnly = true)
	public List<Event> timeline(long id, DataScope scope) {
		get(id, scope);
		return this.jdbc.sql("select * from evaluation_community_event where community_id = :id order by id")
			.param("id", id)
			.query((rs, n) -> new Event(rs.getString("kind"),
					Times.local(rs.getObject("occurred_at", OffsetDateTime.class)), rs.getString("actor_name"),
					rs.getString("note")))
			.list();
	}

	/** An evidence photo of a community within the scope. */
	@Transactional(readOnly = true)
	public Map.Entry<String, byte[]> photo(long id, long evidenceId, DataScope scope) {
		get(id, scope);
		return this.jdbc.sql(
				"select photo, photo_type from evaluation_evidence where id = :e and community_id = :c and photo is not null")
			.param("e", evidenceId)
			.param("c", id)
			.query((rs, n) -> Map.entry(rs.getString("photo_type"), rs.getBytes("photo")))
			.optional()
			.orElseThrow(() -> new NotFound("佐证照片"));
	}

	private static void requireOpen(Community c) {
		if (c.status() != CommunityStatus.NOMINATED && c.status() != CommunityStatus.RETURNED) {
			throw new Rejected(c.regionName() + "创建" + c.status().label() + "，不能再修改或上报");
		}
	}

	private static void requireSubmitted(Community c) {
		if (c.status() != CommunityStatus.SUBMITTED) {
			throw new Rejected("只能审核已上报的自评，" + c.regionName() + c.status().label());
		}
	}

	/**
	 * @param set an extra assignment, fixed SQL of this class
	 */
	private void move(Community c, CommunityStatus to, String set) {
		int updated = this.jdbc
			.sql("update evaluation_community set status = :to, version = version + 1" + (set == null ? "" : ", " + set)
					+ " where id = :id and version = :version")
			.param("to", to.name())
			.param("id", c.id())
			.param("version", c.version())
			.param("today", Times.today())
			.update();
		if (updated != 1) {
			throw new Conflict("该创建社区(村)刚刚已被他人处理，您的操作未执行，请刷新后查看");
		}
	}

	private void event(long id, CommunityStatus kind, Actor actor, String note) {
		this.jdbc.sql("""
				insert into evaluation_community_event (community_id, kind, occurred_at, actor, actor_name, note)
				values (:id, :kind, :now, :actor, :name, :note)
				""")
			.param("id", id)
			.param("kind", kind.name())
			.param("now", Times.now())
			.param("actor", actor.username())
			.param("name", actor.displayName())
			.param("note", note)
			.update();
	}

	private static final String SELECT = """
			select c.*, r.name as region_name, t.name as township_name from evaluation_community c
			  join region r on r.code = c.region_code join region t on t.code = c.township_code""";

	private static Community community(java.sql.ResultSet rs) throws java.sql.SQLException {
		return new Community(rs.getLong("id"), rs.getInt("year"), rs.getString("region_code"),
				rs.getString("region_name"), rs.getString("township_code"), rs.getString("township_name"),
				CommunityStatus.valueOf(rs.getString("status")), rs.getObject("certified_on", LocalDate.class),
				rs.getObject("revoked_on", LocalDate.class), rs.getString("revoked_reason"), rs.getInt("version"));
	}

}
