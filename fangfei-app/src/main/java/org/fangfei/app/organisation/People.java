package org.fangfei.app.organisation;

import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

import org.fangfei.app.audit.AuditLog;
import org.fangfei.app.shared.BlindIndex;
import org.fangfei.app.shared.DataScope;
import org.fangfei.app.shared.FieldCipher;
import org.fangfei.app.shared.NotFound;
import org.fangfei.app.shared.PageOf;
import org.fangfei.app.shared.PageRequest;
import org.fangfei.app.shared.PersonalData;
import org.fangfei.app.shared.Rejected;
import org.fangfei.app.shared.SqlLike;

import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * People attached to grids and departments. Phone and ID numbers are stored SM4-GCM
 * encrypted with the row as additional data, masked for display, and found by exact match
 * through a keyed blind index.
 */
@Service
public class People {

	static final String PHONE = "person.phone";

	static final String ID_NUMBER = "person.id_number";

	private static final String SELECT = """
			select p.id, p.name, p.role, p.region_code, r.name as region_name, p.grid_id, g.name as grid_name,
			  p.department_id, d.name as department_name, p.phone_masked, p.id_number_masked, p.enabled
			from person p join region r on r.code = p.region_code
			left join grid g on g.id = p.grid_id left join department d on d.id = p.department_id
			""";

	private static final RowMapper<Person> MAPPER = (rs, n) -> new Person(rs.getLong("id"), rs.getString("name"),
			PersonRole.valueOf(rs.getString("role")), rs.getString("region_code"), rs.getString("region_name"),
			(Long) rs.getObject("grid_id"), rs.getString("grid_name"), (Long) rs.getObject("department_id"),
			rs.getString("department_name"), rs.getString("phone_masked"), rs.getString("id_number_masked"),
			rs.getBoolean("enabled"));

	private final JdbcClient jdbc;

	private final Regions regions;

	private final Grids grids;

	private final Departments departments;

	private final FieldCipher cipher;

	private final BlindIndex index;

	private final AuditLog audit;

	People(JdbcClient jdbc, Regions regions, Grids grids, Departments departments, FieldCipher cipher, BlindIndex index,
			AuditLog audit) {
		this.jdbc = jdbc;
		this.regions = regions;
		this.grids = grids;
		this.departments = departments;
		this.cipher = cipher;
		this.index = index;
		this.audit = audit;
	}

	@Transactional(readOnly = true)
	public Person get(long id, DataScope scope) {
		return this.jdbc.sql(SELECT + " where p.id = :id and p.region_code like :regionLike")
			.param("id", id)
			.param("regionLike", scope.regionLike())
			.query(MAPPER)
			.optional()
			.orElseThrow(() -> new NotFound("人员"));
	}

	/**
	 * @param q part of the name, or a whole phone number (matched exactly through the
	 * blind index)
	 */
	@Transactional(readOnly = true)
	public PageOf<Person> search(String q, PersonRole role, Long gridId, DataScope scope, PageRequest paging) {
		String qq = Regions.blankToNull(q);
		String phone = qq == null ? null : PersonalData.normalisePhone(qq);
		String phoneIdx = PersonalData.isValidPhone(phone) ? this.index.of(PHONE, phone) : null;
		String where = """
				 where p.region_code like :regionLike
				 and (cast(:role as varchar) is null or p.role = :role)
				 and (cast(:grid as bigint) is null or p.grid_id = :grid)
				 and (cast(:q as varchar) is null or p.name like :qLike or p.phone_idx = :phoneIdx)
				""";
		Map<String, Object> params = new HashMap<>();
		params.put("regionLike", scope.regionLike());
		params.put("role", role == null ? null : role.name());
		params.put("grid", gridId);
		params.put("q", qq);
		params.put("qLike", SqlLike.contains(qq));
		params.put("phoneIdx", phoneIdx == null ? "" : phoneIdx);
		long total = this.jdbc.sql("select count(*) from person p" + where).params(params).query(Long.class).single();
		params.put("size", paging.size());
		params.put("offset", paging.offset());
		List<Person> items = this.jdbc.sql(SELECT + where + " order by p.region_code, p.id limit :size offset :offset")
			.params(params)
			.query(MAPPER)
			.list();
		return paging.pageOf(items, total);
	}

	@Transactional(readOnly = true)
	public Optional<Long> idByPhone(String phone) {
		String normalised = PersonalData.normalisePhone(phone);
		return this.jdbc.sql("select id from person where phone_idx = :idx")
			.param("idx", this.index.of(PHONE, normalised))
			.query(Long.class)
			.optional();
	}

	@Transactional
	public Person create(PersonForm form, DataScope scope) {
		Checked checked = check(form, null, scope);
		if (checked.phone() == null) {
			throw new Rejected("请填写手机号", Map.of("phone", "请填写手机号"));
		}
		long id = insert(new NewPerson(form.name().trim(), form.role(), form.regionCode(), form.gridId(),
				form.departmentId(), checked.phone(), checked.idNumber()));
		Person created = get(id, scope);
		this.audit.success("CREATE", "person", id, "新增人员 " + created.name(), null, created.toString());
		return created;
	}

	/**
	 * A person to write whose region, grid, phone and ID number the caller has already
	 * checked; phone and ID number are normalised plain values, the ID number may be
	 * null.
	 */
	record NewPerson(String name, PersonRole role, String regionCode, Long gridId, Long departmentId, String phone,
			String idNumber) {
	}

	/**
	 * Writes a checked person, encrypting phone and ID number with the new row's id as
	 * additional data; not audited (the caller records the change).
	 * @return the new person's id
	 */
	long insert(NewPerson person) {
		long id = this.jdbc.sql("select nextval('person_id_seq')").query(Long.class).single();
		this.jdbc.sql("""
				insert into person (id, name, role, region_code, grid_id, department_id)
				values (:id, :name, :role, :region, :grid, :department)
				""")
			.param("id", id)
			.param("name", person.name())
			.param("role", person.role().name())
			.param("region", person.regionCode())
			.param("grid", person.gridId())
			.param("department", person.departmentId())
			.update();
		writePersonalData(id, new Checked(person.phone(), person.idNumber()));
		return id;
	}

	/**
	 * Which of the given normalised phone numbers are already registered to someone,
	 * found through the blind index in one query.
	 */
	Set<String> registeredPhones(Collection<String> phones) {
		return registered("phone_idx", PHONE, phones);
	}

	/** Which of the given normalised ID numbers are already registered to someone. */
	Set<String> registeredIdNumbers(Collection<String> idNumbers) {
		return registered("id_number_idx", ID_NUMBER, idNumbers);
	}

	private Set<String> registered(String indexColumn, String purpose, Collection<String> values) {
		if (values.isEmpty()) {
			return Set.of();
		}
		Map<String, String> byIndex = new HashMap<>();
		values.forEach(v -> byIndex.put(this.index.of(purpose, v), v));
		// indexColumn is one of two constants above, never user input
		List<String> found = this.jdbc
			.sql("select " + indexColumn + " from person where " + indexColumn + " = any(:idx)")
			.param("idx", byIndex.keySet().toArray(String[]::new))
			.query(String.class)
			.list();
		return found.stream().map(byIndex::get).collect(Collectors.toSet());
	}

	@Transactional
	public Person update(long id, PersonForm form, DataScope scope) {
		Person before = get(id, scope);
		Checked checked = check(form, id, scope);
		this.jdbc.sql("""
				update person set name = :name, role = :role, region_code = :region, grid_id = :grid,
				department_id = :department, updated_at = now() where id = :id
				""")
			.param("name", form.name().trim())
			.param("role", form.role().name())
			.param("region", form.regionCode())
			.param("grid", form.gridId())
			.param("department", form.departmentId())
			.param("id", id)
			.update();
		writePersonalData(id, checked);
		Person after = get(id, scope);
		this.audit.success("UPDATE", "person", id, "修改人员 " + after.name(), before.toString(), after.toString());
		return after;
	}

	@Transactional
	public void setEnabled(long id, boolean enabled, DataScope scope) {
		Person before = get(id, scope);
		this.jdbc.sql("update person set enabled = :enabled, updated_at = now() where id = :id")
			.param("enabled", enabled)
			.param("id", id)
			.update();
		this.audit.success(enabled ? "ENABLE" : "DISABLE", "person", id, (enabled ? "启用人员 " : "停用人员 ") + before.name(),
				before.toString(), null);
	}

	/**
	 * Decrypts a person's phone for a caller entitled to it; the reading itself is
	 * audited.
	 */
	@Transactional
	public String revealPhone(long id, DataScope scope) {
		Person person = get(id, scope);
		byte[] enc = this.jdbc.sql("select phone_enc from person where id = :id")
			.param("id", id)
			.query(byte[].class)
			.single();
		this.audit.success("REVEAL", "person", id, "查看人员完整手机号 " + person.name(), null, null);
		return this.cipher.decrypt(enc, PHONE + ":" + id);
	}

	private record Checked(String phone, String idNumber) {
	}

	private Checked check(PersonForm form, Long id, DataScope scope) {
		Map<String, String> errors = new HashMap<>();
		if (this.regions.byCode(form.regionCode()).filter(r -> scope.covers(r.code())).isEmpty()) {
			errors.put("regionCode", "所属区划不存在或不在您的管辖范围内");
		}
		if (form.gridId() != null) {
			Optional<Grid> grid = this.grids.find(form.gridId(), scope);
			if (grid.isEmpty()) {
				errors.put("gridId", "所属网格不存在或不在您的管辖范围内");
			}
			else if (!form.regionCode()
				.startsWith(org.fangfei.app.shared.Regions12.prefixOf(grid.get().regionCode()))) {
				errors.put("gridId", "所属网格与所属区划不一致");
			}
		}
		if (form.departmentId() != null && this.departments.byId(form.departmentId()).isEmpty()) {
			errors.put("departmentId", "所属单位不存在");
		}
		String phone = Regions.blankToNull(PersonalData.normalisePhone(form.phone()));
		if (phone != null) {
			if (!PersonalData.isValidPhone(phone)) {
				errors.put("phone", "手机号格式不正确");
			}
			else {
				idByPhone(phone).filter(other -> !other.equals(id))
					.ifPresent(other -> errors.put("phone", "该手机号已登记给其他人员"));
			}
		}
		String idNumber = Regions.blankToNull(PersonalData.normaliseIdNumber(form.idNumber()));
		if (idNumber != null) {
			if (!PersonalData.isValidIdNumber(idNumber)) {
				errors.put("idNumber", "身份证号不正确(校验位不符)");
			}
			else {
				this.jdbc.sql("select id from person where id_number_idx = :idx")
					.param("idx", this.index.of(ID_NUMBER, idNumber))
					.query(Long.class)
					.optional()
					.filter(other -> !other.equals(id))
					.ifPresent(other -> errors.put("idNumber", "该身份证号已登记给其他人员"));
			}
		}
		if (!errors.isEmpty()) {
			throw new Rejected(String.join("；", errors.values()), errors);
		}
		return new Checked(phone, idNumber);
	}

	private void writePersonalData(long id, Checked checked) {
		if (checked.phone() != null) {
			this.jdbc.sql("update person set phone_enc = :enc, phone_idx = :idx, phone_masked = :masked where id = :id")
				.param("enc", this.cipher.encrypt(checked.phone(), PHONE + ":" + id))
				.param("idx", this.index.of(PHONE, checked.phone()))
				.param("masked", PersonalData.maskPhone(checked.phone()))
				.param("id", id)
				.update();
		}
		if (checked.idNumber() != null) {
			this.jdbc
				.sql("""
						update person set id_number_enc = :enc, id_number_idx = :idx, id_number_masked = :masked where id = :id
						""")
				.param("enc", this.cipher.encrypt(checked.idNumber(), ID_NUMBER + ":" + id))
				.param("idx", this.index.of(ID_NUMBER, checked.idNumber()))
				.param("masked", PersonalData.maskIdNumber(checked.idNumber()))
				.param("id", id)
				.update();
		}
	}

}
