package org.fangfei.app.enquiry;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.fangfei.app.casefile.TracedLedger;
import org.fangfei.app.shared.Actor;
import org.fangfei.app.shared.Money;
import org.fangfei.app.shared.Rejected;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.util.MultiValueMap;

/**
 * The case ledger from the traced money, in one reviewed step (issue 20): proposes as
 * participants the accounts that paid into the case's collection accounts (those marked
 * 归集账户, or the queried ones while none is marked) — holder, masked account, what they
 * paid in and what came back to them from the collection, payout and controller accounts
 * — one row per person where a statement showed their ID number; and as assets what went
 * to the accounts marked 资产购置去向 and what stayed in the controllers' accounts. The office
 * unticks and edits, then confirms; {@link TracedLedger} writes, recognising participants
 * already registered (blind index of the ID number) and accounts already taken, so
 * nothing is added twice.
 */
@Service
class LedgerProposals {

	/** Most participants proposed in one step (a form's fields stay within bounds). */
	static final int MAX_PARTICIPANTS = 100;

	private static final String COLLECTING = """
			select id from trace_account where matter_kind = 'CASE' and matter_id = :c and (role = 'COLLECTION'
			  or queried and not exists (select 1 from trace_account r where r.matter_kind = 'CASE'
			    and r.matter_id = :c and r.role = 'COLLECTION'))""";

	/** A proposed participant: one person (or one account when no ID number is known). */
	public record Participant(int row, long accountId, String accounts, String holder, String idNumberMasked,
			long inFen, long backFen, boolean registered) {

		public String in() {
			return plain(this.inFen);
		}

		public String back() {
			return plain(this.backFen);
		}

		public String label() {
			return "第" + this.row + "行";
		}

	}

	/** A proposed asset: what went to one account. */
	public record Asset(int row, long accountId, String masked, String holder, String roleLabel, String description,
			long fen, boolean taken) {

		public String value() {
			return plain(this.fen);
		}

	}

	/**
	 * What the step proposes, with the case's version for the confirmation.
	 *
	 * @param more participants not listed (beyond {@link #MAX_PARTICIPANTS}); a further
	 * step lists them once these are registered
	 */
	public record Proposal(int version, List<Participant> participants, List<Asset> assets, int more, long inFen,
			long backFen) {

		public String in() {
			return Money.yuan(this.inFen);
		}

		public String back() {
			return Money.yuan(this.backFen);
		}

		public long open() {
			return this.participants.stream().filter((p) -> !p.registered()).count()
					+ this.assets.stream().filter((a) -> !a.taken()).count();
		}

	}

	private final JdbcClient jdbc;

	private final TraceAccounts accounts;

	private final TracedLedger ledger;

	LedgerProposals(JdbcClient jdbc, TraceAccounts accounts, TracedLedger ledger) {
		this.jdbc = jdbc;
		this.accounts = accounts;
		this.ledger = ledger;
	}

	/** The proposal for a case the caller may trace. */
	@Transactional(readOnly = true)
	Proposal propose(Matter m, Actor actor) {
		if (!"CASE".equals(m.kind())) {
			throw new Rejected("只有案件才有参与人和资产台账");
		}
		int version = this.ledger.version(m.id(), actor.scope());
		record Paid(long id, String masked, String holder, String idIdx, String idMasked, long in, long back) {
		}
		List<Paid> paid = this.jdbc
			.sql("with collecting as (" + COLLECTING
					+ """
							), giving as (select id from collecting union select id from trace_account where matter_kind = 'CASE'
							  and matter_id = :c and role in ('PAYOUT', 'CONTROLLER')),
							paid as (select payer_id a, sum(amount_fen) fen from trace_flow where matter_kind = 'CASE' and matter_id = :c
							  and payee_id in (select id from collecting) group by payer_id),
							back as (select payee_id a, sum(amount_fen) fen from trace_flow where matter_kind = 'CASE' and matter_id = :c
							  and payer_id in (select id from giving) and payee_id in (select a from paid) group by payee_id)
							select t.id, t.number_masked, t.holder, t.id_number_idx, t.id_number_masked, p.fen, coalesce(b.fen, 0)
							from paid p join trace_account t on t.id = p.a left join back b on b.a = p.a
							where t.number_idx <> :cash and (t.role is null or t.role = 'PARTICIPANT')
							  and t.id not in (select id from collecting)
							order by p.fen desc, t.id
							""")
			.param("c", m.id())
			.param("cash", this.accounts.indexOf(Statements.CASH))
			.query((rs, n) -> new Paid(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getString(4),
					rs.getString(5), rs.getLong(6), rs.getLong(7)))
			.list();
		// one row a person: the accounts of one ID number together
		Map<String, List<Paid>> people = new LinkedHashMap<>();
		for (Paid p : paid) {
			people.computeIfAbsent(p.idIdx() != null ? p.idIdx() : "account:" + p.id(), (k) -> new ArrayList<>())
				.add(p);
		}
		Set<String> registered = this.ledger.registered(m.id(),
				people.keySet().stream().filter((k) -> !k.startsWith("account:")).toList());
		List<Participant> rows = new ArrayList<>();
		for (Map.Entry<String, List<Paid>> e : people.entrySet()) {
			List<Paid> of = e.getValue();
			Paid first = of.get(0);
			rows.add(new Participant(0, first.id(), String.join("、", of.stream().map(Paid::masked).toList()),
					first.holder(), first.idMasked() == null ? "" : first.idMasked(),
					of.stream().mapToLong(Paid::in).sum(), of.stream().mapToLong(Paid::back).sum(),
					registered.contains(e.getKey())));
		}
		long inFen = rows.stream().mapToLong(Participant::inFen).sum();
		long backFen = rows.stream().mapToLong(Participant::backFen).sum();
		rows.sort(Comparator.comparing(Participant::registered)
			.thenComparing(Comparator.comparingLong(Participant::inFen).reversed()));
		int more = Math.max(0, rows.size() - MAX_PARTICIPANTS);
		List<Participant> listed = new ArrayList<>();
		for (int i = 0; i < rows.size() - more; i++) {
			Participant p = rows.get(i);
			listed.add(new Participant(i + 1, p.accountId(), p.accounts(), p.holder(), p.idNumberMasked(), p.inFen(),
					p.backFen(), p.registered()));
		}
		return new Proposal(version, listed, assets(m), more, inFen, backFen);
	}

	/**
	 * What went to asset purchases (all an account marked 资产购置去向 received) and what
	 * stayed in the controllers' accounts (in less out), one row an account.
	 */
	private List<Asset> assets(Matter m) {
		Set<String> taken = this.ledger.assetAccounts(m.id());
		List<Asset> out = new ArrayList<>();
		this.jdbc
			.sql("""
					select t.id, t.number_masked, t.holder, t.role, t.number_idx,
					  (select coalesce(sum(amount_fen), 0) from trace_flow f where f.matter_kind = 'CASE' and f.matter_id = :c
					     and f.payee_id = t.id) in_fen,
					  (select coalesce(sum(amount_fen), 0) from trace_flow f where f.matter_kind = 'CASE' and f.matter_id = :c
					     and f.payer_id = t.id) out_fen
					from trace_account t where t.matter_kind = 'CASE' and t.matter_id = :c and t.role in ('ASSET', 'CONTROLLER')
					order by case t.role when 'ASSET' then 0 else 1 end, t.id
					""")
			.param("c", m.id())
			.query((rs) -> {
				String role = rs.getString(4);
				long fen = "ASSET".equals(role) ? rs.getLong(6) : rs.getLong(6) - rs.getLong(7);
				if (fen <= 0) {
					return;
				}
				String who = (rs.getString(3).isEmpty() ? "" : rs.getString(3) + " ") + rs.getString(2);
				String description = "ASSET".equals(role) ? "购置资产支付款（收款方 " + who + "）" : "实控人账户留存资金（" + who + "）";
				out.add(new Asset(out.size() + 1, rs.getLong(1), rs.getString(2), rs.getString(3),
						TraceAccounts.ROLES.get(role),
						description.length() > 200 ? description.substring(0, 200) : description, fen,
						taken.contains(rs.getString(5))));
			});
		return out;
	}

	/**
	 * Writes the ticked rows, as edited, into the case's ledger. The rows are named by
	 * their accounts, which must be the case's; a participant's ID number is the one
	 * typed, or the one the statement showed.
	 */
	@Transactional
	TracedLedger.Taken take(Matter m, int version, MultiValueMap<String, String> form, Actor actor) {
		Proposal proposal = propose(m, actor);
		Map<Long, Participant> byAccount = new HashMap<>();
		proposal.participants().forEach((p) -> byAccount.put(p.accountId(), p));
		Map<Long, Asset> assetByAccount = new HashMap<>();
		proposal.assets().forEach((a) -> assetByAccount.put(a.accountId(), a));
		List<TracedLedger.TracedParticipant> people = new ArrayList<>();
		Map<Long, String> typedIds = new LinkedHashMap<>();
		for (long id : ids(form, "pick")) {
			Participant p = byAccount.get(id);
			if (p == null) {
				throw new Rejected("勾选的参与人不在本案的资金流水中，请刷新后重试");
			}
			String typed = one(form, "id_" + id);
			String idNumber = typed.isBlank() ? knownIdNumber(m, id) : typed;
			if (!typed.isBlank()) {
				typedIds.put(id, typed);
			}
			people.add(new TracedLedger.TracedParticipant(p.label(), one(form, "name_" + id), idNumber,
					one(form, "in_" + id), one(form, "back_" + id)));
		}
		List<TracedLedger.TracedAsset> found = new ArrayList<>();
		for (long id : ids(form, "asset")) {
			Asset a = assetByAccount.get(id);
			if (a == null) {
				throw new Rejected("勾选的资产不在本案的资金流水中，请刷新后重试");
			}
			found.add(new TracedLedger.TracedAsset(one(form, "adesc_" + id), one(form, "avalue_" + id),
					numberIndex(m, id)));
		}
		TracedLedger.Taken taken = this.ledger.take(m.id(), version, people, found, "资金流水", actor);
		// the ID numbers the office typed belong to those accounts from now on (where no
		// statement showed one), so the next proposal knows them as registered
		typedIds.forEach((id, number) -> this.accounts.describe(id, null, null, number, false));
		return taken;
	}

	private String knownIdNumber(Matter m, long accountId) {
		return this.jdbc.sql("""
				select id_number_enc from trace_account where id = :id and matter_kind = 'CASE' and matter_id = :c
				""")
			.param("id", accountId)
			.param("c", m.id())
			.query((rs, n) -> this.accounts.idNumberOf(accountId, rs.getBytes(1)))
			.optional()
			.orElse(null);
	}

	private String numberIndex(Matter m, long accountId) {
		return this.jdbc
			.sql("select number_idx from trace_account where id = :id and matter_kind = 'CASE' and matter_id = :c")
			.param("id", accountId)
			.param("c", m.id())
			.query(String.class)
			.single();
	}

	private static List<Long> ids(MultiValueMap<String, String> form, String name) {
		List<Long> ids = new ArrayList<>();
		for (String v : form.getOrDefault(name, List.of())) {
			try {
				ids.add(Long.parseLong(v.strip()));
			}
			catch (NumberFormatException ex) {
				throw new Rejected("勾选的内容无效，请刷新后重试");
			}
		}
		return ids;
	}

	private static String one(MultiValueMap<String, String> form, String name) {
		String v = form.getFirst(name);
		return v == null ? "" : v;
	}

	/** Fen as yuan for an input: no thousands separators. */
	static String plain(long fen) {
		return fen / 100 + "." + String.format("%02d", fen % 100);
	}

}
