package org.fangfei.app.petition;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.fangfei.app.audit.AuditLog;
import org.fangfei.app.casefile.CaseDirectory;
import org.fangfei.app.notification.Inbox;
import org.fangfei.app.notification.NoticeKind;
import org.fangfei.app.notification.Recipient;
import org.fangfei.app.organisation.Regions;
import org.fangfei.app.shared.Actor;
import org.fangfei.app.shared.Conflict;
import org.fangfei.app.shared.DataScope;
import org.fangfei.app.shared.NotFound;
import org.fangfei.app.shared.PageOf;
import org.fangfei.app.shared.PageRequest;
import org.fangfei.app.shared.PersonalData;
import org.fangfei.app.shared.Rejected;
import org.fangfei.app.shared.SqlLike;
import org.fangfei.app.shared.Times;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * 重点人员 (001 task 11, 004 task 25: 密切关注重点人员动向, 严防赴省进京): people whose movements are
 * watched, each with the cadre responsible (包保责任人) and the record of every contact. An
 * unusual movement is brought to the county office and the leaders through the inbox. ID
 * number and phone are kept as people's are ({@link Identity}); one entry per ID number.
 */
@Service
class KeyPersons {

	static final String EDIT = "petition:stability:edit";

	static final String TABLE = "key_person";

	record KeyPersonForm(String regionCode, String name, String idNumber, String phone, Long caseId, String reason,
			StabilityRisk riskLevel, String responsibleName, String responsibleUnit) {

		static KeyPersonForm blank() {
			return new KeyPersonForm("", "", "", "", null, "", StabilityRisk.MEDIUM, "", "");
		}

	}

	record KeyPerson(long id, String regionCode, String regionName, String name, String idNumberMasked,
			String phoneMasked, Long caseId, String caseCode, String reason, StabilityRisk riskLevel,
			String responsibleName, String responsibleUnit, boolean watched, LocalDate lastContactOn, int version) {
	}

	record Contact(LocalDate contactedOn, ContactWay way, String contactedBy, String movement, boolean unusual,
			OffsetDateTime recordedAt) {
	}

	record KeyPersonQuery(String text, StabilityRisk riskLevel, Boolean released, String regionCode) {
	}

	private final JdbcClient jdbc;

	private final Identity identity;

	private final Regions regions;

	private final CaseDirectory cases;

	private final Inbox inbox;

	private final AuditLog audit;

	KeyPersons(JdbcClient jdbc, Identity identity, Regions regions, CaseDirectory cases, Inbox inbox, AuditLog audit) {
		this.jdbc = jdbc;
		this.identity = identity;
		this.regions = regions;
		this.cases = cases;
		this.inbox = inbox;
		this.audit = audit;
	}

	@Transactional
	long create(KeyPersonForm f, Actor actor) {
		need(actor);
		Checked c = check(f, null, actor.scope());
		long id = this.jdbc.sql("select nextval('key_person_id_seq')").query(Long.class).single();
		this.jdbc
			.sql("""
					insert into key_person (id, region_code, name, id_number_enc, id_number_idx, id_number_masked, phone_enc,
					  phone_idx, phone_masked, case_id, reason, risk_level, responsible_name, responsible_unit, created_by)
					values (:id, :region, :name, :idEnc, :idIdx, :idMasked, :phoneEnc, :phoneIdx, :phoneMasked, :case, :reason,
					  :risk, :rName, :rUnit, :by)
					""")
			.params(this.identity.store(TABLE, id, c.idNumber, c.phone).params())
			.params(values(f))
			.param("id", id)
			.param("by", actor.username())
			.update();
		this.audit.success("KEY_PERSON_CREATE", "key_person", id,
				"登记重点人员 " + f.name().strip() + "，包保责任人 " + f.responsibleName().strip(), null, null);
		return id;
	}

	@Transactional
	void update(long id, Integer version, KeyPersonForm f, Actor actor) {
		need(actor);
		KeyPerson before = forChange(id, version, actor);
		Checked c = check(f, id, actor.scope());
		this.jdbc
			.sql("""
					update key_person set region_code = :region, name = :name, id_number_enc = :idEnc, id_number_idx = :idIdx,
					id_number_masked = :idMasked, phone_enc = :phoneEnc, phone_idx = :phoneIdx, phone_masked = :phoneMasked,
					case_id = :case, reason = :reason, risk_level = :risk, responsible_name = :rName, responsible_unit = :rUnit,
					version = version + 1, updated_at = now() where id = :id
					""")
			.params(this.identity.store(TABLE, id, c.idNumber, c.phone).params())
			.params(values(f))
			.param("id", id)
			.update();
		this.audit.success("KEY_PERSON_UPDATE", "key_person", id, "修改重点人员 " + before.name(), null, null);
	}

	/**
	 * Records a contact; an unusual movement is told to the county office and leaders.
	 */
	@Transactional
	void contact(long id, Integer version, LocalDate on, ContactWay way, String by, String movement, boolean unusual,
			Actor actor) {
		need(actor);
		KeyPerson p = forChange(id, version, actor);
		if (!p.watched()) {
			throw new Rejected("该人员已解除重点管控，不能再登记联系");
		}
		Map<String, String> errors = new LinkedHashMap<>();
		if (on == null) {
			errors.put("on", "请填写联系日期");
		}
		else if (on.isAfter(Times.today())) {
			errors.put("on", "联系日期不能晚于今天");
		}
		if (way == null) {
			errors.put("way", "请选择联系方式");
		}
		text(by, "contactedBy", "联系人", 60, errors);
		text(movement, "movement", "近期动向", 1000, errors);
		if (!errors.isEmpty()) {
			throw new Rejected(String.join("；", errors.values()), errors);
		}
		this.jdbc
			.sql("""
					insert into key_person_contact (key_person_id, contacted_on, way, contacted_by, movement, unusual, recorded_by)
					values (:p, :on, :way, :by, :movement, :unusual, :recordedBy)
					""")
			.param("p", id)
			.param("on", on)
			.param("way", way.name())
			.param("by", by.strip())
			.param("movement", movement.strip())
			.param("unusual", unusual)
			.param("recordedBy", actor.username())
			.update();
		this.jdbc
			.sql("""
					update key_person set last_contact_on = greatest(coalesce(last_contact_on, :on), :on), version = version + 1,
					updated_at = now() where id = :id
					""")
			.param("on", on)
			.param("id", id)
			.update();
		if (unusual) {
			String county = p.regionCode().substring(0, 6) + "000000";
			String title = "重点人员动向异常：" + p.name();
			String body = on + " " + way.label() + "：" + movement.strip();
			String key = "key-person:" + id + ":unusual:" + on;
			this.inbox.post(NoticeKind.INFO, Recipient.unit(county), title, body, "/stability/key-persons/" + id, key);
			this.inbox.post(NoticeKind.INFO, Recipient.role("LEADER", county.substring(0, 6)), title, body,
					"/stability/key-persons/" + id, key);
		}
		this.audit.success("KEY_PERSON_CONTACT", "key_person", id,
				"登记重点人员 " + p.name() + " 联系情况" + (unusual ? "（动向异常）" : ""), null, null);
	}

	/** Ends the watch, with the reason. */
	@Transactional
	void release(long id, Integer version, String reason, Actor actor) {
		need(actor);
		KeyPerson p = forChange(id, version, actor);
		if (!p.watched()) {
			throw new Rejected("该人员已解除重点管控");
		}
		Map<String, String> errors = new LinkedHashMap<>();
		text(reason, "reason", "解除理由", 500, errors);
		if (!errors.isEmpty()) {
			throw new Rejected(String.join("；", errors.values()), errors);
		}
		this.jdbc
			.sql("""
					insert into key_person_contact (key_person_id, contacted_on, way, contacted_by, movement, unusual, recorded_by)
					values (:p, :on, 'OTHER', :by, :movement, false, :recordedBy)
					""")
			.param("p", id)
			.param("on", Times.today())
			.param("by", actor.displayName())
			.param("movement", "解除重点管控：" + reason.strip())
			.param("recordedBy", actor.username())
			.update();
		this.jdbc
			.sql("update key_person set status = 'RELEASED', version = version + 1, updated_at = now() where id = :id")
			.param("id", id)
			.update();
		this.audit.success("KEY_PERSON_RELEASE", "key_person", id, "解除重点人员 " + p.name() + "：" + reason.strip(), null,
				null);
	}

	@Transactional(readOnly = true)
	KeyPerson get(long id, DataScope scope) {
		return this.jdbc.sql(SELECT + " where k.id = :id and k.region_code like :regionLike")
			.param("id", id)
			.param("regionLike", scope.regionLike())
			.query((rs, n) -> row(rs))
			.optional()
			.map(k -> withCases(List.of(k)).get(0))
			.orElseThrow(() -> new NotFound("重点人员"));
	}

	@Transactional(readOnly = true)
	List<Contact> contacts(long id) {
		return this.jdbc.sql("""
				select contacted_on, way, contacted_by, movement, unusual, recorded_at from key_person_contact
				where key_person_id = :id order by contacted_on desc, id desc
				""")
			.param("id", id)
			.query((rs, n) -> new Contact(rs.getObject(1, LocalDate.class), ContactWay.valueOf(rs.getString(2)),
					rs.getString(3), rs.getString(4), rs.getBoolean(5),
					Times.local(rs.getObject(6, OffsetDateTime.class))))
			.list();
	}

	@Transactional(readOnly = true)
	PageOf<KeyPerson> search(KeyPersonQuery q, DataScope scope, PageRequest page) {
		StringBuilder where = new StringBuilder("k.region_code like :regionLike");
		Map<String, Object> params = new HashMap<>();
		params.put("regionLike", scope.regionLike());
		if (q.text() != null && !q.text().isBlank()) {
			String text = q.text().strip();
			String id = PersonalData.normaliseIdNumber(text);
			String phone = PersonalData.normalisePhone(text);
			if (PersonalData.isValidIdNumber(id)) {
				where.append(" and k.id_number_idx = :idIdx");
				params.put("idIdx", this.identity.idIndex(TABLE, id));
			}
			else if (PersonalData.isValidPhone(phone)) {
				where.append(" and k.phone_idx = :phoneIdx");
				params.put("phoneIdx", this.identity.phoneIndex(TABLE, phone));
			}
			else {
				where.append(" and (k.name like :like or k.responsible_name like :like or k.reason like :like)");
				params.put("like", SqlLike.contains(text));
			}
		}
		if (q.riskLevel() != null) {
			where.append(" and k.risk_level = :risk");
			params.put("risk", q.riskLevel().name());
		}
		if (q.released() != null) {
			where.append(" and k.status = :status");
			params.put("status", q.released() ? "RELEASED" : "WATCHED");
		}
		if (q.regionCode() != null && !q.regionCode().isBlank()) {
			where.append(" and k.region_code like :regionPrefix");
			params.put("regionPrefix", org.fangfei.app.shared.Regions12.prefixOf(q.regionCode().strip()) + "%");
		}
		long total = this.jdbc.sql("select count(*) from key_person k where " + where)
			.params(params)
			.query(Long.class)
			.single();
		List<KeyPerson> rows = this.jdbc
			.sql(SELECT + " where " + where + " order by k.status desc, k.id desc limit " + page.size() + " offset "
					+ page.offset())
			.params(params)
			.query((rs, n) -> row(rs))
			.list();
		return page.pageOf(withCases(rows), total);
	}

	private static final String SELECT = "select k.*, r.name as region_name from key_person k left join region r on r.code = k.region_code";

	private KeyPerson forChange(long id, Integer version, Actor actor) {
		KeyPerson p = get(id, actor.scope());
		if (version == null || version != p.version()) {
			throw new Conflict("重点人员信息已被他人修改，请刷新后重试");
		}
		return p;
	}

	private record Checked(String idNumber, String phone) {
	}

	private Checked check(KeyPersonForm f, Long self, DataScope scope) {
		Map<String, String> errors = new LinkedHashMap<>();
		if (f.regionCode() == null || f.regionCode().isBlank()) {
			errors.put("regionCode", "请选择所在区划");
		}
		else if (this.regions.byCode(f.regionCode().strip()).isEmpty()) {
			errors.put("regionCode", "区划不存在");
		}
		else if (!scope.covers(f.regionCode().strip())) {
			errors.put("regionCode", "所在区划不在您的管辖范围内");
		}
		text(f.name(), "name", "姓名", 60, errors);
		String id = Identity.idNumber(f.idNumber(), "idNumber", errors);
		String phone = Identity.phone(f.phone(), "phone", errors);
		if (id != null && this.jdbc.sql("select count(*) from key_person where id_number_idx = :idx and id <> :self")
			.param("idx", this.identity.idIndex(TABLE, id))
			.param("self", self == null ? -1 : self)
			.query(Long.class)
			.single() > 0) {
			errors.put("idNumber", "该身份证号已登记为重点人员");
		}
		if (f.caseId() != null && this.cases.visible(f.caseId(), scope).isEmpty()) {
			errors.put("caseId", "关联案件不存在或不在您的管辖范围内");
		}
		text(f.reason(), "reason", "列为重点人员的原因", 500, errors);
		if (f.riskLevel() == null) {
			errors.put("riskLevel", "请选择风险等级");
		}
		text(f.responsibleName(), "responsibleName", "包保责任人", 60, errors);
		text(f.responsibleUnit(), "responsibleUnit", "责任人单位", 100, errors);
		if (!errors.isEmpty()) {
			throw new Rejected(String.join("；", errors.values()), errors);
		}
		return new Checked(id, phone);
	}

	private static Map<String, Object> values(KeyPersonForm f) {
		Map<String, Object> v = new HashMap<>();
		v.put("region", f.regionCode().strip());
		v.put("name", f.name().strip());
		v.put("case", f.caseId());
		v.put("reason", f.reason().strip());
		v.put("risk", f.riskLevel().name());
		v.put("rName", f.responsibleName().strip());
		v.put("rUnit", f.responsibleUnit().strip());
		return v;
	}

	static void text(String value, String field, String name, int max, Map<String, String> errors) {
		if (value == null || value.isBlank()) {
			errors.put(field, "请填写" + name);
		}
		else if (value.strip().length() > max) {
			errors.put(field, name + "不能超过" + max + "字");
		}
	}

	static void need(Actor actor) {
		if (!actor.can(EDIT)) {
			throw new AccessDeniedException("无权维护重点人员和矛盾纠纷台账");
		}
	}

	private static KeyPerson row(java.sql.ResultSet rs) throws java.sql.SQLException {
		return new KeyPerson(rs.getLong("id"), rs.getString("region_code"), rs.getString("region_name"),
				rs.getString("name"), rs.getString("id_number_masked"), rs.getString("phone_masked"),
				(Long) rs.getObject("case_id"), null, rs.getString("reason"),
				StabilityRisk.valueOf(rs.getString("risk_level")), rs.getString("responsible_name"),
				rs.getString("responsible_unit"), "WATCHED".equals(rs.getString("status")),
				rs.getObject("last_contact_on", LocalDate.class), rs.getInt("version"));
	}

	private List<KeyPerson> withCases(List<KeyPerson> rows) {
		var refs = this.cases.byIds(rows.stream().map(KeyPerson::caseId).filter(java.util.Objects::nonNull).toList());
		return rows.stream()
			.map(k -> k.caseId() == null || !refs.containsKey(k.caseId()) ? k
					: new KeyPerson(k.id(), k.regionCode(), k.regionName(), k.name(), k.idNumberMasked(),
							k.phoneMasked(), k.caseId(), refs.get(k.caseId()).code(), k.reason(), k.riskLevel(),
							k.responsibleName(), k.responsibleUnit(), k.watched(), k.lastContactOn(), k.version()))
			.toList();
	}

}
