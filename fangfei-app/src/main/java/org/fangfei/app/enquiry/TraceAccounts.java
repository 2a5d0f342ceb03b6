package org.fangfei.app.enquiry;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;

import org.fangfei.app.casefile.TracedInflows;
import org.fangfei.app.shared.BlindIndex;
import org.fangfei.app.shared.BulkCopy;
import org.fangfei.app.shared.FieldCipher;
import org.fangfei.app.shared.PersonalData;
import org.fangfei.app.shared.Rejected;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The accounts of a matter's statements: one row per account number (its blind index),
 * the number encrypted with its row's id in the AAD and shown masked; its holder, bank
 * and, when a statement shows it, the blind index of the holder's ID number (made as the
 * case register makes it, {@link TracedInflows#ID_NUMBER_PURPOSE}); and the role the
 * office gave it in the scheme.
 */
@Component
class TraceAccounts {

	/** The roles an account may play, with their names on screen. */
	static final Map<String, String> ROLES = new java.util.LinkedHashMap<>();

	static {
		ROLES.put("COLLECTION", "归集账户");
		ROLES.put("CONTROLLER", "实控人账户");
		ROLES.put("PAYOUT", "返利/兑付账户");
		ROLES.put("ASSET", "资产购置去向");
		ROLES.put("PARTICIPANT", "参与人账户");
		ROLES.put("OTHER", "其他");
	}

	private final JdbcClient jdbc;

	private final FieldCipher cipher;

	private final BlindIndex index;

	private final BulkCopy copy;

	private final org.fangfei.app.audit.AuditLog audit;

	private final org.springframework.jdbc.core.JdbcTemplate batch;

	TraceAccounts(JdbcClient jdbc, FieldCipher cipher, BlindIndex index, BulkCopy copy,
			org.fangfei.app.audit.AuditLog audit, javax.sql.DataSource dataSource) {
		this.batch = new org.springframework.jdbc.core.JdbcTemplate(dataSource);
		this.audit = audit;
		this.jdbc = jdbc;
		this.cipher = cipher;
		this.index = index;
		this.copy = copy;
	}

	/** The purpose (and AAD prefix) of a counterparty's ID number kept for the ledger. */
	static final String ID_NUMBER = "trace_account.id_number";

	/** The holder's ID number a statement showed, decrypted; null when none did. */
	String idNumberOf(long id, byte[] enc) {
		return enc == null ? null : this.cipher.decrypt(enc, ID_NUMBER + ":" + id);
	}

	String indexOf(String number) {
		return this.index.of(Enquiries.ACCOUNT, number);
	}

	/**
	 * What a statement tells of a counterparty's account: holder, bank, the holder's ID
	 * number (any may be blank).
	 */
	record Described(String holder, String bank, String idNumber) {
	}

	/** An ID number's blind index, encryption (for the account {@code id}) and mask. */
	private record Identity(String index, byte[] enc, String masked) {
	}

	private Identity identity(long id, String idNumber) {
		if (idNumber == null || idNumber.isBlank()) {
			return null;
		}
		String n = PersonalData.normaliseIdNumber(idNumber);
		if (!PersonalData.isValidIdNumber(n)) {
			return null;
		}
		return new Identity(this.index.of(TracedInflows.ID_NUMBER_PURPOSE, n),
				this.cipher.encrypt(n, ID_NUMBER + ":" + id), PersonalData.maskIdNumber(n));
	}

	/**
	 * The ids of these account numbers in the matter: the ones it lacks are added with
	 * what the statement tells of them (one COPY), the ones it has get what was not known
	 * yet (one batch).
	 */
	Map<String, Long> ensure(Matter matter, Map<String, Described> numbers) {
		// each number's blind index is computed once: HMAC-SM3 is the load's dearest
		// step,
		// spread over the machine's cores (the database waits for it anyway)
		Map<String, String> indexes = numbers.keySet()
			.parallelStream()
			.collect(java.util.stream.Collectors.toMap((n) -> n, this::indexOf));
		Map<String, Long> ids = existing(matter, indexes);
		List<Object[]> known = new ArrayList<>();
		for (Map.Entry<String, Long> e : ids.entrySet()) {
			Described d = numbers.get(e.getKey());
			if (d != null) {
				Identity who = identity(e.getValue(), d.idNumber());
				known.add(new Object[] { nz(d.holder()), nz(d.bank()), who == null ? null : who.index(),
						who == null ? null : who.enc(), who == null ? null : who.masked(), e.getValue() });
			}
		}
		if (!known.isEmpty()) {
			this.batch.batchUpdate("""
					update trace_account set holder = case when holder = '' then ? else holder end,
					  bank = case when bank = '' then ? else bank end,
					  id_number_idx = coalesce(id_number_idx, ?),
					  id_number_enc = case when id_number_idx is null then ? else id_number_enc end,
					  id_number_masked = case when id_number_idx is null then ? else id_number_masked end
					where id = ?
					""", known, new int[] { java.sql.Types.VARCHAR, java.sql.Types.VARCHAR, java.sql.Types.VARCHAR,
					java.sql.Types.BINARY, java.sql.Types.VARCHAR, java.sql.Types.BIGINT });
		}
		List<String> fresh = numbers.keySet().stream().filter((n) -> !ids.containsKey(n)).toList();
		if (fresh.isEmpty()) {
			return ids;
		}
		List<Long> drawn = this.jdbc.sql("select nextval('trace_account_id_seq') from generate_series(1, :n)")
			.param("n", fresh.size())
			.query(Long.class)
			.list();
		for (int i = 0; i < fresh.size(); i++) {
			ids.put(fresh.get(i), drawn.get(i));
		}
		// SM4-GCM keyed anew for each number: encrypted over the cores before the COPY
		Map<String, byte[]> sealed = fresh.parallelStream()
			.collect(java.util.stream.Collectors.toMap((n) -> n,
					(n) -> this.cipher.encrypt(n, "trace_account.number:" + ids.get(n))));
		Iterator<String> it = fresh.iterator();
		this.copy.copy("trace_account",
				"id, matter_kind, matter_id, number_enc, number_idx, number_masked, holder, bank,"
						+ " id_number_idx, id_number_enc, id_number_masked",
				new Iterator<>() {

					@Override
					public boolean hasNext() {
						return it.hasNext();
					}

					@Override
					public BulkCopy.Rows next() {
						BulkCopy.Rows rows = new BulkCopy.Rows(2_000);
						for (int i = 0; i < 2_000 && it.hasNext(); i++) {
							String n = it.next();
							long id = ids.get(n);
							Described d = numbers.get(n);
							Identity who = d == null ? null : identity(id, d.idNumber());
							rows.add(id)
								.add(matter.kind())
								.add(matter.id())
								.add(sealed.get(n))
								.add(indexes.get(n))
								.add(masked(n))
								.add(d == null ? "" : nz(d.holder()))
								.add(d == null ? "" : nz(d.bank()))
								.add(who == null ? null : who.index())
								.add(who == null ? null : who.enc())
								.add(who == null ? null : who.masked())
								.end();
						}
						return rows;
					}

				});
		return ids;
	}

	private static String nz(String text) {
		return text == null ? "" : text;
	}

	private Map<String, Long> existing(Matter matter, Map<String, String> indexes) {
		Map<String, String> byIndex = new HashMap<>();
		indexes.forEach((n, idx) -> byIndex.put(idx, n));
		Map<String, Long> ids = new HashMap<>();
		this.jdbc
			.sql("""
					select number_idx, id from trace_account where matter_kind = :k and matter_id = :m and number_idx = any(:idx)
					""")
			.param("k", matter.kind())
			.param("m", matter.id())
			.param("idx", byIndex.keySet().toArray(String[]::new))
			.query((rs) -> {
				ids.put(byIndex.get(rs.getString(1)), rs.getLong(2));
			});
		return ids;
	}

	/**
	 * The ids of these account numbers in the matter, adding the ones it lacks with
	 * nothing known of them.
	 */
	Map<String, Long> ensure(Matter matter, Collection<String> numbers) {
		Map<String, Described> none = new java.util.LinkedHashMap<>();
		numbers.forEach((n) -> none.put(n, null));
		return ensure(matter, none);
	}

	static String masked(String number) {
		return Statements.CASH.equals(number) ? "现金/无对方账号" : PersonalData.maskAccount(number);
	}

	/**
	 * Fills what a statement tells of an account where nothing was known: holder, bank,
	 * the holder's ID number (its blind index, and encrypted and masked for the case
	 * ledger's reviewed import); marks a queried account.
	 */
	void describe(long id, String holder, String bank, String idNumber, boolean queried) {
		Identity who = identity(id, idNumber);
		String idIndex = who == null ? null : who.index();
		byte[] idEnc = who == null ? null : who.enc();
		String idMasked = who == null ? null : who.masked();
		this.jdbc.sql("""
				update trace_account set holder = case when holder = '' then :h else holder end,
				  bank = case when bank = '' then :b else bank end, id_number_idx = coalesce(id_number_idx, :idx),
				  id_number_enc = case when id_number_idx is null then :enc else id_number_enc end,
				  id_number_masked = case when id_number_idx is null then :masked else id_number_masked end,
				  queried = queried or :q
				where id = :id
				""")
			.param("h", holder == null ? "" : holder)
			.param("b", bank == null ? "" : bank)
			.param("idx", idIndex)
			.param("enc", idEnc, java.sql.Types.BINARY)
			.param("masked", idMasked)
			.param("q", queried)
			.param("id", id)
			.update();
	}

	/** Gives an account of the matter its role in the scheme (null clears it). */
	void assign(Matter matter, long accountId, String role) {
		if (role != null && !role.isBlank() && !ROLES.containsKey(role)) {
			throw new Rejected("未知的账户角色");
		}
		int n = this.jdbc.sql("""
				update trace_account set role = :r where id = :id and matter_kind = :k and matter_id = :m
				""")
			.param("r", role == null || role.isBlank() ? null : role)
			.param("id", accountId)
			.param("k", matter.kind())
			.param("m", matter.id())
			.update();
		if (n == 0) {
			throw new org.fangfei.app.shared.NotFound("账户");
		}
	}

	/** Gives an account its role, as the office decides it, audited. */
	@org.springframework.transaction.annotation.Transactional
	void mark(Matter matter, long accountId, String role) {
		assign(matter, accountId, role);
		this.audit.success("TRACE_ROLE", "trace_account", accountId,
				"标注账户角色：" + (role == null || role.isBlank() ? "清除" : ROLES.get(role)) + "（" + matter.label() + "）",
				null, null);
	}

	/** Account ids of the matter with the given role. */
	List<Long> withRole(Matter matter, String role) {
		return new ArrayList<>(this.jdbc
			.sql("select id from trace_account where matter_kind = :k and matter_id = :m and role = :r order by id")
			.param("k", matter.kind())
			.param("m", matter.id())
			.param("r", role)
			.query(Long.class)
			.list());
	}

}
