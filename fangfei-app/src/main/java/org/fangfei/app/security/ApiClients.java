package org.fangfei.app.security;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.OffsetDateTime;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.fangfei.app.audit.AuditLog;
import org.fangfei.app.shared.NotFound;
import org.fangfei.app.shared.Rejected;
import org.fangfei.app.shared.Times;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * 接入系统: bearer tokens for other systems that call the JSON API — the 12345 hotline
 * platform, banks' suspicious-transaction reports, the Flink monitoring job. A token acts
 * as the account it is bound to, with that account's roles and jurisdiction, so a system
 * gets exactly the rights a person in that seat would. The token (256 random bits) is a
 * credential of that account, so no single administrator may hold it (issue 12): the
 * security administrator who issues it is shown its first half, a second administrator
 * who approves it on 待审批 its second half, and the client stays disabled until then
 * ({@link Approvals}). Only its SHA-256 is stored, so a database dump reveals no usable
 * token.
 */
@Service
class ApiClients {

	/** The prefix that marks a Fangfei token, so a leaked one is recognisable. */
	static final String PREFIX = "ffk_";

	record ApiClient(long id, String name, String username, String userDisplayName, String tokenHint, boolean enabled,
			String createdBy, OffsetDateTime createdAt, OffsetDateTime lastUsedAt, String approval) {

		/** 有效, 待审批, 未获批准 or 已吊销. */
		public String status() {
			if (this.enabled) {
				return "有效";
			}
			return switch (this.approval == null ? "" : this.approval) {
				case "PENDING" -> "待审批";
				case "REJECTED", "WITHDRAWN" -> "未获批准";
				default -> "已吊销";
			};
		}

	}

	/**
	 * A new client waiting for approval, with the first half of its token, shown this
	 * once.
	 */
	record Issued(ApiClient client, String firstHalf) {
	}

	/** How many characters of a token the issuing administrator is shown. */
	static final int FIRST_HALF = 24;

	private static final SecureRandom RANDOM = new SecureRandom();

	private final JdbcClient jdbc;

	private final Users users;

	private final ApprovalRequests approvals;

	private final AuditLog audit;

	ApiClients(JdbcClient jdbc, Users users, ApprovalRequests approvals, AuditLog audit) {
		this.jdbc = jdbc;
		this.users = users;
		this.approvals = approvals;
		this.audit = audit;
	}

	List<ApiClient> list() {
		return this.jdbc
			.sql("""
					select c.*, u.username, u.display_name,
					  (select a.status from account_approval a where a.api_client_id = c.id order by a.id desc limit 1) approval
					from api_client c join app_user u on u.id = c.user_id
					order by c.name
					""")
			.query((rs, n) -> new ApiClient(rs.getLong("id"), rs.getString("name"), rs.getString("username"),
					rs.getString("display_name"), rs.getString("token_hint"), rs.getBoolean("enabled"),
					rs.getString("created_by"), Times.local(rs.getObject("created_at", OffsetDateTime.class)),
					Times.local(rs.getObject("last_used_at", OffsetDateTime.class)), rs.getString("approval")))
			.list();
	}

	@Transactional
	Issued issue(String name, String username, CurrentUser actor) {
		if (name == null || name.isBlank() || name.strip().length() > 100) {
			throw new Rejected("请填写接入系统名称(不超过 100 字)", Map.of("name", "请填写名称"));
		}
		UserAccount account = this.users.byUsername(username == null ? "" : username.strip())
			.orElseThrow(() -> new Rejected("没有用户名为“" + username + "”的账号", Map.of("username", "账号不存在")));
		if (account.roles().stream().anyMatch(r -> r.endsWith("_ADMIN"))) {
			throw new Rejected("接入系统不能使用管理员账号(三员)", Map.of("username", "不能使用管理员账号"));
		}
		if (!account.enabled()) {
			throw new Rejected("账号已停用", Map.of("username", "账号已停用"));
		}
		long exists = this.jdbc.sql("select count(*) from api_client where name = :n")
			.param("n", name.strip())
			.query(Long.class)
			.single();
		if (exists > 0) {
			throw new Rejected("接入系统“" + name.strip() + "”已存在", Map.of("name", "名称已存在"));
		}
		byte[] secret = new byte[32];
		RANDOM.nextBytes(secret);
		String token = PREFIX + Base64.getUrlEncoder().withoutPadding().encodeToString(secret);
		long id = this.jdbc.sql("""
				insert into api_client (name, user_id, token_hash, token_hint, created_by, enabled)
				values (:n, :u, :h, :hint, :by, false) returning id
				""")
			.param("n", name.strip())
			.param("u", account.id())
			.param("h", hash(token))
			.param("hint", token.substring(0, 8) + "…")
			.param("by", actor.getUsername())
			.query(Long.class)
			.single();
		this.audit.success("API_CLIENT_ISSUE", "api_client", id,
				"签发接入令牌“" + name.strip() + "”，使用账号 " + account.username() + "，待另一名管理员审批", null, null);
		this.approvals.apiToken(id, account.id(), token.substring(FIRST_HALF),
				"接入系统“" + name.strip() + "”的令牌(使用账号 " + account.username() + " " + account.displayName() + ")", actor);
		ApiClient client = list().stream().filter(c -> c.id() == id).findFirst().orElseThrow();
		return new Issued(client, token.substring(0, FIRST_HALF));
	}

	/** A client whose token a second administrator approved starts working. */
	void enableApproved(long id) {
		this.jdbc.sql("update api_client set enabled = true where id = :id").param("id", id).update();
	}

	String name(long id) {
		return this.jdbc.sql("select name from api_client where id = :id").param("id", id).query(String.class).single();
	}

	@Transactional
	void revoke(long id) {
		int enabled = this.jdbc.sql("update api_client set enabled = false where id = :id and enabled")
			.param("id", id)
			.update();
		int pending = this.jdbc.sql("""
				update account_approval set status = 'WITHDRAWN', second_half_enc = null, decided_at = now()
				where api_client_id = :id and status = 'PENDING'
				""").param("id", id).update();
		if (enabled + pending == 0) {
			throw new NotFound("接入系统");
		}
		this.audit.success("API_CLIENT_REVOKE", "api_client", id, pending > 0 ? "撤回待审批的接入令牌" : "吊销接入令牌", null, null);
	}

	/**
	 * The account a presented token acts as, if the token is known and enabled and the
	 * account is enabled; records when the token was last used (at most once a minute).
	 */
	@Transactional
	Optional<UserAccount> authenticate(String token) {
		if (token == null || !token.startsWith(PREFIX) || token.length() > 100) {
			return Optional.empty();
		}
		Optional<Long> userId = this.jdbc.sql("select user_id from api_client where token_hash = :h and enabled")
			.param("h", hash(token))
			.query(Long.class)
			.optional();
		if (userId.isEmpty()) {
			return Optional.empty();
		}
		this.jdbc.sql("""
				update api_client set last_used_at = now() where token_hash = :h
				and (last_used_at is null or last_used_at < now() - interval '1 minute')
				""").param("h", hash(token)).update();
		UserAccount account = this.users.get(userId.get());
		return account.enabled() ? Optional.of(account) : Optional.empty();
	}

	static String hash(String token) {
		try {
			return HexFormat.of()
				.formatHex(MessageDigest.getInstance("SHA-256").digest(token.getBytes(StandardCharsets.UTF_8)));
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException(ex);
		}
	}

}
