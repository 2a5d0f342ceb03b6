package org.fangfei.app.security;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import org.fangfei.app.audit.AuditLog;
import org.fangfei.app.shared.FieldCipher;
import org.fangfei.app.shared.Times;

import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The requests of the two-person rule ({@link Approvals}): stored, withdrawn and read
 * here; decided in {@link Approvals}. Every request is audited when it is made.
 *
 * <p>
 * A one-time password request keeps only the bcrypt hash of the whole password and its
 * second half encrypted (SM4-GCM, key outside the database) until the approving
 * administrator is shown it; the first half is shown to the requester and never stored.
 */
@Component
class ApprovalRequests {

	/**
	 * Permissions that reveal who a tipster is: a role carrying one may be given only
	 * with a second administrator's approval (举报人信息保密).
	 */
	static final Set<String> SENSITIVE = Set.of("tip:reporter:reveal");

	enum Kind {

		PASSWORD, USER_ROLE, ROLE_PERMISSION, API_TOKEN

	}

	record Request(long id, Kind kind, Long userId, Long apiClientId, String roleCode, String permission,
			String passwordHash, String summary, String requestedBy, long requestedById, OffsetDateTime requestedAt,
			String status) {
	}

	private static final RowMapper<Request> MAPPER = (rs, n) -> new Request(rs.getLong("id"),
			Kind.valueOf(rs.getString("kind")), (Long) rs.getObject("user_id"), (Long) rs.getObject("api_client_id"),
			rs.getString("role_code"), rs.getString("permission"), rs.getString("password_hash"),
			rs.getString("summary"), rs.getString("requested_by"), rs.getLong("requested_by_id"),
			Times.local(rs.getObject("requested_at", OffsetDateTime.class)), rs.getString("status"));

	private final JdbcClient jdbc;

	private final FieldCipher cipher;

	private final AuditLog audit;

	ApprovalRequests(JdbcClient jdbc, FieldCipher cipher, AuditLog audit) {
		this.jdbc = jdbc;
		this.cipher = cipher;
		this.audit = audit;
	}

	/** A new one-time password for the account; replaces a pending one. */
	long password(long userId, String passwordHash, String secondHalf, String summary, CurrentUser by) {
		this.jdbc.sql("""
				update account_approval set status = 'WITHDRAWN', second_half_enc = null, decided_at = now()
				where kind = 'PASSWORD' and user_id = :u and status = 'PENDING'
				""").param("u", userId).update();
		long id = insert(Kind.PASSWORD, userId, null, null, null, passwordHash, summary, by);
		keepSecondHalf(id, secondHalf);
		return id;
	}

	/**
	 * A new API token of a client (disabled until approved) bound to the account: the
	 * token is a credential of that account, so it is handed over in two halves like a
	 * one-time password.
	 */
	long apiToken(long clientId, long userId, String secondHalf, String summary, CurrentUser by) {
		long id = insert(Kind.API_TOKEN, userId, clientId, null, null, null, summary, by);
		keepSecondHalf(id, secondHalf);
		return id;
	}

	private void keepSecondHalf(long id, String secondHalf) {
		this.jdbc.sql("update account_approval set second_half_enc = :enc where id = :id")
			.param("enc", this.cipher.encrypt(secondHalf, place(id)))
			.param("id", id)
			.update();
	}

	/** A sensitive role for an account; an identical pending request is kept. */
	void userRole(long userId, String roleCode, String summary, CurrentUser by) {
		long pending = this.jdbc.sql("""
				select count(*) from account_approval where kind = 'USER_ROLE' and user_id = :u and role_code = :r
				and status = 'PENDING'
				""").param("u", userId).param("r", roleCode).query(Long.class).single();
		if (pending == 0) {
			insert(Kind.USER_ROLE, userId, null, roleCode, null, null, summary, by);
		}
	}

	/** Withdraws the pending role requests of an account for roles no longer wanted. */
	void withdrawRolesNotIn(long userId, Set<String> wanted) {
		for (String role : pendingRolesOf(userId)) {
			if (!wanted.contains(role)) {
				this.jdbc.sql("""
						update account_approval set status = 'WITHDRAWN', decided_at = now()
						where kind = 'USER_ROLE' and user_id = :u and role_code = :r and status = 'PENDING'
						""").param("u", userId).param("r", role).update();
				this.audit.success("APPROVAL_WITHDRAW", "user", userId, "撤回待审批的角色申请 " + role, null, null);
			}
		}
	}

	/** A sensitive permission for a role; an identical pending request is kept. */
	void rolePermission(String roleCode, String permission, String summary, CurrentUser by) {
		long pending = this.jdbc.sql("""
				select count(*) from account_approval where kind = 'ROLE_PERMISSION' and role_code = :r
				and permission = :p and status = 'PENDING'
				""").param("r", roleCode).param("p", permission).query(Long.class).single();
		if (pending == 0) {
			insert(Kind.ROLE_PERMISSION, null, null, roleCode, permission, null, summary, by);
		}
	}

	private long insert(Kind kind, Long userId, Long apiClientId, String roleCode, String permission,
			String passwordHash, String summary, CurrentUser by) {
		long id = this.jdbc
			.sql("""
					insert into account_approval (kind, user_id, api_client_id, role_code, permission, password_hash, summary,
					requested_by, requested_by_id) values (:kind, :u, :c, :r, :p, :h, :s, :by, :byId) returning id
					""")
			.param("kind", kind.name())
			.param("u", userId)
			.param("c", apiClientId)
			.param("r", roleCode)
			.param("p", permission)
			.param("h", passwordHash)
			.param("s", summary)
			.param("by", by.getUsername())
			.param("byId", by.id())
			.query(Long.class)
			.single();
		this.audit.success("APPROVAL_REQUEST", "account_approval", id, "提出待审批申请：" + summary, null, null);
		return id;
	}

	List<Request> pending() {
		return this.jdbc.sql("select * from account_approval where status = 'PENDING' order by requested_at, id")
			.query(MAPPER)
			.list();
	}

	/** The request, locked for the decision. */
	Optional<Request> forDecision(long id) {
		return this.jdbc.sql("select * from account_approval where id = :id for update")
			.param("id", id)
			.query(MAPPER)
			.optional();
	}

	/**
	 * The second half of a pending password or token request, read once when it is
	 * approved.
	 */
	String secondHalf(long id) {
		byte[] enc = this.jdbc.sql("select second_half_enc from account_approval where id = :id")
			.param("id", id)
			.query(byte[].class)
			.single();
		return this.cipher.decrypt(enc, place(id));
	}

	void decide(long id, boolean approved, CurrentUser by) {
		this.jdbc.sql("""
				update account_approval set status = :s, decided_by = :by, decided_by_id = :byId, decided_at = now(),
				second_half_enc = null where id = :id and status = 'PENDING'
				""")
			.param("s", approved ? "APPROVED" : "REJECTED")
			.param("by", by.getUsername())
			.param("byId", by.id())
			.param("id", id)
			.update();
	}

	/** The roles for which a sensitive permission waits for approval. */
	Set<String> rolesAwaitingSensitivePermission() {
		return Set.copyOf(this.jdbc.sql("""
				select role_code from account_approval where kind = 'ROLE_PERMISSION' and status = 'PENDING'
				""").query(String.class).list());
	}

	/** The sensitive roles an account waits for. */
	List<String> pendingRolesOf(long userId) {
		return this.jdbc.sql("""
				select role_code from account_approval where kind = 'USER_ROLE' and user_id = :u and status = 'PENDING'
				order by role_code
				""").param("u", userId).query(String.class).list();
	}

	private static String place(long id) {
		return "account_approval.second_half:" + id;
	}

}
