package org.fangfei.app.security;

import java.sql.Array;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.fangfei.app.audit.AuditLog;
import org.fangfei.app.organisation.Departments;
import org.fangfei.app.organisation.Regions;
import org.fangfei.app.shared.Actor;
import org.fangfei.app.shared.DataScope;
import org.fangfei.app.shared.NotFound;
import org.fangfei.app.shared.Rejected;
import org.fangfei.app.shared.SqlLike;
import org.fangfei.app.shared.Times;

import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Accounts, their roles and their passwords. Enforces 三员分立 ({@link #checkSeparation}),
 * the password policy, and resolves each account's data scope from its roles and
 * jurisdiction.
 */
@Service
class Users {

	private static final String SELECT = """
			select u.*, r.name as region_name, d.name as department_name, d.region_code as department_region,
			  d.is_office as department_office, d.enabled as department_enabled,
			  array(select s.sector_code from department_sector s where s.department_id = d.id order by s.sector_code)
			    as department_sectors,
			  array(select ur.role_code from user_role ur where ur.user_id = u.id order by ur.role_code) as roles,
			  array(select ar.name from user_role ur join app_role ar on ar.code = ur.role_code
			        where ur.user_id = u.id order by ur.role_code) as role_names
			from app_user u left join region r on r.code = u.region_code left join department d on d.id = u.department_id
			""";

	private static final RowMapper<UserAccount> MAPPER = (rs, n) -> new UserAccount(rs.getLong("id"),
			rs.getString("username"), rs.getString("display_name"), rs.getString("password_hash"),
			rs.getString("region_code"), rs.getString("region_name"), (Long) rs.getObject("department_id"),
			rs.getString("department_name"), unit(rs), rs.getBoolean("enabled"), rs.getBoolean("must_change_password"),
			rs.getInt("failed_attempts"), Times.local(rs.getObject("locked_until", OffsetDateTime.class)),
			Times.local(rs.getObject("last_login_at", OffsetDateTime.class)), strings(rs.getArray("roles")),
			strings(rs.getArray("role_names")));

	private final JdbcClient jdbc;

	private final Roles roles;

	private final Regions regions;

	private final Departments departments;

	private final PasswordEncoder encoder;

	private final PasswordPolicy policy;

	private final AuditLog audit;

	Users(JdbcClient jdbc, Roles roles, Regions regions, Departments departments, PasswordEncoder encoder,
			PasswordPolicy policy, AuditLog audit) {
		this.jdbc = jdbc;
		this.roles = roles;
		this.regions = regions;
		this.departments = departments;
		this.encoder = encoder;
		this.policy = policy;
		this.audit = audit;
	}

	Optional<UserAccount> byUsername(String username) {
		return this.jdbc.sql(SELECT + " where u.username = :u").param("u", username).query(MAPPER).optional();
	}

	UserAccount get(long id) {
		return this.jdbc.sql(SELECT + " where u.id = :id")
			.param("id", id)
			.query(MAPPER)
			.optional()
			.orElseThrow(() -> new NotFound("用户"));
	}

	List<UserAccount> list(String q) {
		String qq = q == null || q.isBlank() ? null : q.trim();
		return this.jdbc
			.sql(SELECT + " where (cast(:q as varchar) is null or u.username like :qLike"
					+ " or u.display_name like :qLike) order by u.id")
			.param("q", qq)
			.param("qLike", SqlLike.contains(qq))
			.query(MAPPER)
			.list();
	}

	long count() {
		return this.jdbc.sql("select count(*) from app_user").query(Long.class).single();
	}

	/** Whether an account is placed in exactly this region. */
	boolean anyInRegion(String regionCode) {
		return this.jdbc.sql("select exists (select 1 from app_user where region_code = :r)")
			.param("r", regionCode)
			.query(Boolean.class)
			.single();
	}

	/** Stands for a request without a signed-in account: sees and may do nothing. */
	static final Actor NOBODY = new Actor(-1, "anonymous", "匿名", null, null, false, Set.of(), Set.of(),
			DataScope.none());

	/**
	 * Who the account is for this request: its roles' permissions and the data scope they
	 * give.
	 */
	Actor actorOf(UserAccount user) {
		Optional<UserAccount.Unit> department = Optional.ofNullable(user.unit());
		boolean office = department.map(UserAccount.Unit::office).orElse(false);
		return new Actor(user.id(), user.username(), user.displayName(), user.regionCode(), user.departmentId(), office,
				Set.copyOf(user.roles()), this.roles.permissionsOf(user.roles()), scopeOf(user, department));
	}

	/** The data scope of an account: the widest its roles give. */
	private DataScope scopeOf(UserAccount user, Optional<UserAccount.Unit> department) {
		Set<String> kinds = this.roles.scopeKinds(user.roles());
		if (kinds.contains("ALL")) {
			return DataScope.all();
		}
		if (kinds.contains("JURISDICTION") && user.regionCode() != null) {
			return DataScope.jurisdiction(user.regionCode());
		}
		if (kinds.contains("DEPARTMENT") && department.isPresent() && department.get().enabled()) {
			UserAccount.Unit d = department.get();
			return d.office() ? DataScope.jurisdiction(d.regionCode())
					: DataScope.department(d.regionCode(), Set.copyOf(d.sectorCodes()));
		}
		return DataScope.none();
	}

	/**
	 * Creates an account that must change its password at first sign-in. Without an
	 * initial password (anyone's but first start's) the account gets one nobody knows,
	 * until a one-time password is handed over ({@link HandOver}). Roles in
	 * {@code withheld} are not given now: they wait for a second administrator's
	 * approval.
	 */
	@Transactional
	UserAccount create(UserForm form, String initialPassword, Set<String> withheld, long actorId) {
		check(form, null, actorId);
		if (byUsername(form.username()).isPresent()) {
			throw new Rejected("用户名 " + form.username() + " 已存在", Map.of("username", "用户名已存在"));
		}
		String password = initialPassword == null ? this.policy.oneTimePassword(32) : initialPassword;
		long id = this.jdbc
			.sql("""
					insert into app_user (username, display_name, password_hash, region_code, department_id, must_change_password)
					values (:u, :name, :hash, :region, :department, true) returning id
					""")
			.param("u", form.username())
			.param("name", form.displayName().trim())
			.param("hash", this.encoder.encode(password))
			.param("region", form.regionCode() == null || form.regionCode().isBlank() ? null : form.regionCode())
			.param("department", form.departmentId())
			.query(Long.class)
			.single();
		writeRoles(id, form.roles().stream().filter(r -> !withheld.contains(r)).toList());
		UserAccount created = get(id);
		this.audit.success("CREATE", "user", id, "新增用户 " + created.username(), null, created.toString());
		return created;
	}

	/** Roles in {@code withheld} that the account does not hold yet wait for approval. */
	@Transactional
	UserAccount update(long id, UserForm form, Set<String> withheld, long actorId) {
		UserAccount before = get(id);
		if (!before.username().equals(form.username())) {
			throw new Rejected("用户名不能修改", Map.of("username", "用户名不能修改"));
		}
		check(form, id, actorId);
		this.jdbc.sql("""
				update app_user set display_name = :name, region_code = :region, department_id = :department,
				updated_at = now() where id = :id
				""")
			.param("name", form.displayName().trim())
			.param("region", form.regionCode() == null || form.regionCode().isBlank() ? null : form.regionCode())
			.param("department", form.departmentId())
			.param("id", id)
			.update();
		this.jdbc.sql("delete from user_role where user_id = :id").param("id", id).update();
		writeRoles(id, form.roles().stream().filter(r -> before.roles().contains(r) || !withheld.contains(r)).toList());
		UserAccount after = get(id);
		this.audit.success("UPDATE", "user", id, "修改用户 " + after.username(), before.toString(), after.toString());
		return after;
	}

	@Transactional
	void setEnabled(long id, boolean enabled, long actorId) {
		if (id == actorId) {
			throw new Rejected("不能停用自己的账号");
		}
		UserAccount before = get(id);
		this.jdbc.sql("update app_user set enabled = :e, updated_at = now() where id = :id")
			.param("e", enabled)
			.param("id", id)
			.update();
		this.audit.success(enabled ? "ENABLE" : "DISABLE", "user", id,
				(enabled ? "启用用户 " : "停用用户 ") + before.username(), before.toString(), null);
	}

	/**
	 * Gives the account an approved one-time password (its bcrypt hash), unlocks it and
	 * forces a change at next sign-in. Its sessions end at their next request, because
	 * the hash they signed in with is gone ({@link AccountGate}).
	 */
	@Transactional
	void handOverPassword(long id, String passwordHash) {
		UserAccount user = get(id);
		this.jdbc.sql("""
				update app_user set password_hash = :hash, must_change_password = true, failed_attempts = 0,
				locked_until = null, updated_at = now() where id = :id
				""").param("hash", passwordHash).param("id", id).update();
		this.audit.success("RESET_PASSWORD", "user", id, "一次性密码生效 " + user.username(), null, null);
	}

	/** Gives an approved role. */
	@Transactional
	void addRole(long id, String roleCode) {
		UserAccount before = get(id);
		if (before.roles().contains(roleCode)) {
			return;
		}
		List<String> after = new java.util.ArrayList<>(before.roles());
		after.add(roleCode);
		checkSeparation(after);
		writeRoles(id, List.of(roleCode));
		this.audit.success("UPDATE", "user", id, "授予用户 " + before.username() + " 角色 " + roleCode, before.toString(),
				get(id).toString());
	}

	@Transactional
	void unlock(long id) {
		UserAccount user = get(id);
		this.jdbc.sql("update app_user set failed_attempts = 0, locked_until = null where id = :id")
			.param("id", id)
			.update();
		this.audit.success("UNLOCK", "user", id, "解锁用户 " + user.username(), null, null);
	}

	@Transactional
	void changePassword(long id, String current, String next, String confirm) {
		UserAccount user = get(id);
		if (!this.encoder.matches(current == null ? "" : current, user.passwordHash())) {
			throw new Rejected("当前密码不正确", Map.of("currentPassword", "当前密码不正确"));
		}
		if (next == null || !next.equals(confirm)) {
			throw new Rejected("两次输入的新密码不一致", Map.of("confirmPassword", "两次输入的新密码不一致"));
		}
		if (next.equals(current)) {
			throw new Rejected("新密码不能与当前密码相同", Map.of("newPassword", "新密码不能与当前密码相同"));
		}
		this.policy.check(user.username(), next);
		this.policy.checkNotReused(id, next);
		String hash = this.encoder.encode(next);
		this.jdbc.sql("""
				update app_user set password_hash = :hash, must_change_password = false, password_changed_at = now(),
				updated_at = now() where id = :id
				""").param("hash", hash).param("id", id).update();
		this.policy.remember(id, hash);
		this.audit.success("CHANGE_PASSWORD", "user", id, "修改密码 " + user.username(), null, null);
	}

	@Transactional
	void recordSuccess(String username) {
		this.jdbc.sql("update app_user set failed_attempts = 0, last_login_at = now() where username = :u")
			.param("u", username)
			.update();
	}

	/**
	 * 三员分立: the system, security and audit administrator roles are exclusive per account
	 * and are never combined with a business role.
	 */
	private void checkSeparation(List<String> roleCodes) {
		Map<String, String> adminKinds = this.roles.adminKinds();
		long admin = roleCodes.stream().filter(adminKinds::containsKey).count();
		if (admin > 0 && roleCodes.size() > 1) {
			throw new Rejected("三员分立：系统管理员、安全保密管理员、安全审计员角色互斥，且不能与业务角色同时授予", Map.of("roles", "管理员角色互斥"));
		}
	}

	private void check(UserForm form, Long id, long actorId) {
		Set<String> known = this.roles.codes();
		List<String> unknown = form.roles().stream().filter(r -> !known.contains(r)).toList();
		if (!unknown.isEmpty()) {
			throw new Rejected("未知的角色：" + String.join("、", unknown), Map.of("roles", "未知的角色"));
		}
		checkSeparation(form.roles());
		if (id != null && id == actorId) {
			UserAccount self = get(id);
			if (!Set.copyOf(self.roles()).equals(Set.copyOf(form.roles()))) {
				throw new Rejected("不能修改自己的角色", Map.of("roles", "不能修改自己的角色"));
			}
		}
		String region = form.regionCode() == null || form.regionCode().isBlank() ? null : form.regionCode();
		if (region == null && form.roles().stream().noneMatch(this.roles.adminKinds()::containsKey)) {
			throw new Rejected("业务用户须填写所属区划", Map.of("regionCode", "请填写所属区划"));
		}
		if (region != null && this.regions.byCode(region).isEmpty()) {
			throw new Rejected("所属区划不存在", Map.of("regionCode", "所属区划不存在"));
		}
		if (form.departmentId() != null && this.departments.byId(form.departmentId()).isEmpty()) {
			throw new Rejected("所属单位不存在", Map.of("departmentId", "所属单位不存在"));
		}
		if (form.roles().contains("DEPARTMENT") && form.departmentId() == null) {
			throw new Rejected("成员单位工作人员须选择所属单位", Map.of("departmentId", "请选择所属单位"));
		}
	}

	private void writeRoles(long id, List<String> roleCodes) {
		for (String role : Set.copyOf(roleCodes)) {
			this.jdbc.sql("insert into user_role (user_id, role_code) values (:id, :role)")
				.param("id", id)
				.param("role", role)
				.update();
		}
	}

	private static UserAccount.Unit unit(ResultSet rs) throws SQLException {
		if (rs.getObject("department_id") == null) {
			return null;
		}
		return new UserAccount.Unit(rs.getString("department_region"), rs.getBoolean("department_office"),
				rs.getBoolean("department_enabled"), strings(rs.getArray("department_sectors")));
	}

	private static List<String> strings(Array array) throws SQLException {
		return array == null ? List.of() : Arrays.asList((String[]) array.getArray());
	}

}
