package org.fangfei.app.enquiry;

import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.fangfei.app.shared.Money;
import org.fangfei.app.shared.PageOf;
import org.fangfei.app.shared.PageRequest;
import org.fangfei.app.shared.Rejected;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Fund tracing (资金穿透) over a matter's flows: totals in and out per account, totals per
 * counterparty, the money followed forward (where it went) or backward (where it came
 * from) from one account by hops — each hop the flows out of (into) the accounts the last
 * hop reached, summed per pair, so every hop's amounts add up to what its accounts passed
 * on — and the graph of the largest flows for the page.
 */
@Component
class FundTrace {

	/** Most hops followed. */
	static final int MAX_HOPS = 5;

	/** Most pairs taken per hop (the largest), so a hub does not flood the page. */
	static final int EDGES_PER_HOP = 200;

	/** An account with its totals. */
	public record AccountTotal(long id, String masked, String holder, String bank, boolean queried, String role,
			long inFen, long outFen, int inCount, int outCount) {

		public String roleLabel() {
			return this.role == null ? (this.queried ? "被查询账户" : "") : TraceAccounts.ROLES.get(this.role);
		}

		public String in() {
			return Money.yuan(this.inFen);
		}

		public String out() {
			return Money.yuan(this.outFen);
		}

		public String net() {
			return (this.inFen >= this.outFen ? "" : "-") + Money.yuan(Math.abs(this.inFen - this.outFen));
		}

	}

	/** Money between two accounts, summed. */
	public record Edge(int hop, long from, long to, long fen, int count, LocalDateTime first, LocalDateTime last) {

		public String amount() {
			return Money.yuan(this.fen);
		}

	}

	/** A trace from one account: the hops' edges and each hop's total. */
	public record Trace(long start, boolean forward, List<Edge> edges, List<Long> hopTotals,
			Map<Long, AccountTotal> accounts) {

		public List<String> hopAmounts() {
			return this.hopTotals.stream().map(Money::yuan).toList();
		}

	}

	private final JdbcClient jdbc;

	private final org.fangfei.app.audit.AuditLog audit;

	FundTrace(JdbcClient jdbc, org.fangfei.app.audit.AuditLog audit) {
		this.jdbc = jdbc;
		this.audit = audit;
	}

	/** The flows (at most {@code limit}) and the account totals as an .xlsx, audited. */
	@Transactional
	byte[] export(Matter m, int limit) {
		List<List<String>> totals = new ArrayList<>();
		for (AccountTotal a : accounts(m, 100_000)) {
			totals.add(List.of(a.masked(), a.holder(), a.bank(), a.roleLabel(), a.in(), Integer.toString(a.inCount()),
					a.out(), Integer.toString(a.outCount()), a.net()));
		}
		List<List<String>> flows = flows(m, limit);
		byte[] xlsx = org.fangfei.app.shared.TabularFile.writeXlsx(List.of(
				new org.fangfei.app.shared.TabularFile.Worksheet("资金流水",
						List.of("交易时间", "付款账号", "付款户名", "收款账号", "收款户名", "金额(元)", "流水号", "摘要", "渠道/网点", "来源对账单"), flows),
				new org.fangfei.app.shared.TabularFile.Worksheet("账户汇总",
						List.of("账号", "户名", "开户行", "角色", "流入(元)", "流入笔数", "流出(元)", "流出笔数", "净额(元)"), totals)));
		String what = "导出资金流向 " + m.label() + "：" + flows.size() + " 笔";
		if (m.kind().equals("CASE")) {
			this.audit.success("TRACE_EXPORT", "case", m.id(), what, null, null);
		}
		else {
			this.audit.success("TRACE_EXPORT", "clue", m.id(), what, null, null);
		}
		return xlsx;
	}

	/** Every account of the matter with its totals, largest turnover first. */
	@Transactional(readOnly = true)
	List<AccountTotal> accounts(Matter matter, int limit) {
		return accounts(matter, limit, 0);
	}

	/**
	 * One page of the matter's accounts with their totals (over all the matter's flows),
	 * largest turnover first, and how many accounts there are.
	 */
	@Transactional(readOnly = true)
	PageOf<AccountTotal> accounts(Matter matter, PageRequest paging) {
		long total = this.jdbc.sql("select count(*) from trace_account where matter_kind = :k and matter_id = :m")
			.param("k", matter.kind())
			.param("m", matter.id())
			.query(Long.class)
			.single();
		return paging.pageOf(accounts(matter, paging.size(), paging.offset()), total);
	}

	private List<AccountTotal> accounts(Matter matter, int limit, int offset) {
		return this.jdbc
			.sql("""
					select a.*, coalesce(i.fen, 0) in_fen, coalesce(i.n, 0) in_n, coalesce(o.fen, 0) out_fen, coalesce(o.n, 0) out_n
					from trace_account a
					left join (select payee_id, sum(amount_fen) fen, count(*) n from trace_flow
					           where matter_kind = :k and matter_id = :m group by payee_id) i on i.payee_id = a.id
					left join (select payer_id, sum(amount_fen) fen, count(*) n from trace_flow
					           where matter_kind = :k and matter_id = :m group by payer_id) o on o.payer_id = a.id
					where a.matter_kind = :k and a.matter_id = :m
					order by coalesce(i.fen, 0) + coalesce(o.fen, 0) desc, a.id limit :limit offset :offset
					""")
			.param("k", matter.kind())
			.param("m", matter.id())
			.param("limit", limit)
			.param("offset", offset)
			.query((rs, n) -> total(rs))
			.list();
	}

	/** Some accounts of the matter with their totals, by id. */
	Map<Long, AccountTotal> accounts(Matter matter, Set<Long> ids) {
		Map<Long, AccountTotal> out = new LinkedHashMap<>();
		this.jdbc.sql("""
				select a.*,
				  (select coalesce(sum(amount_fen), 0) from trace_flow f where f.matter_kind = a.matter_kind
				     and f.matter_id = a.matter_id and f.payee_id = a.id) in_fen,
				  (select count(*) from trace_flow f where f.matter_kind = a.matter_kind
				     and f.matter_id = a.matter_id and f.payee_id = a.id) in_n,
				  (select coalesce(sum(amount_fen), 0) from trace_flow f where f.matter_kind = a.matter_kind
				     and f.matter_id = a.matter_id and f.payer_id = a.id) out_fen,
				  (select count(*) from trace_flow f where f.matter_kind = a.matter_kind
				     and f.matter_id = a.matter_id and f.payer_id = a.id) out_n
				from trace_account a where a.matter_kind = :k and a.matter_id = :m and a.id = any(:ids)
				""")
			.param("k", matter.kind())
			.param("m", matter.id())
			.param("ids", ids.toArray(Long[]::new))
			.query((rs, n) -> total(rs))
			.list()
			.forEach((a) -> out.put(a.id(), a));
		return out;
	}

	/**
	 * The counterparties of one account: what each paid in and received, largest first.
	 */
	@Transactional(readOnly = true)
	List<Edge> counterparties(Matter matter, long accountId) {
		return this.jdbc
			.sql("""
					select 0 hop, payer_id, payee_id, sum(amount_fen) fen, count(*) n, min(at) first, max(at) last from trace_flow
					where matter_kind = :k and matter_id = :m and (payer_id = :a or payee_id = :a)
					group by payer_id, payee_id order by sum(amount_fen) desc limit 500
					""")
			.param("k", matter.kind())
			.param("m", matter.id())
			.param("a", accountId)
			.query((rs, n) -> edge(rs))
			.list();
	}

	/**
	 * Follows the money from {@code start}, forward or backward, for {@code hops} hops.
	 */
	@Transactional(readOnly = true)
	Trace trace(Matter matter, long start, boolean forward, int hops) {
		if (hops < 1 || hops > MAX_HOPS) {
			throw new Rejected("追踪层数应为 1 至 " + MAX_HOPS + " 层");
		}
		Set<Long> reached = new HashSet<>(Set.of(start));
		List<Long> frontier = List.of(start);
		List<Edge> edges = new ArrayList<>();
		List<Long> totals = new ArrayList<>();
		for (int hop = 1; hop <= hops && !frontier.isEmpty(); hop++) {
			List<Edge> step = step(matter, frontier, forward, hop);
			long total = 0;
			List<Long> next = new ArrayList<>();
			for (Edge e : step) {
				total += e.fen();
				long far = forward ? e.to() : e.from();
				if (reached.add(far)) {
					next.add(far);
				}
			}
			edges.addAll(step);
			totals.add(total);
			frontier = next;
		}
		Set<Long> ids = new HashSet<>(reached);
		return new Trace(start, forward, edges, totals, accounts(matter, ids));
	}

	private List<Edge> step(Matter matter, List<Long> frontier, boolean forward, int hop) {
		String near = forward ? "payer_id" : "payee_id";
		return this.jdbc
			.sql("select " + hop + " hop, payer_id, payee_id, sum(amount_fen) fen, count(*) n, min(at) first,"
					+ " max(at) last from trace_flow where matter_kind = :k and matter_id = :m and " + near
					+ " = any(:f) group by payer_id, payee_id order by sum(amount_fen) desc limit " + EDGES_PER_HOP)
			.param("k", matter.kind())
			.param("m", matter.id())
			.param("f", frontier.toArray(Long[]::new))
			.query((rs, n) -> edge(rs))
			.list();
	}

	/** The largest flows of the matter, summed per pair, for the graph. */
	@Transactional(readOnly = true)
	List<Edge> largest(Matter matter, int limit) {
		return this.jdbc
			.sql("""
					select 0 hop, payer_id, payee_id, sum(amount_fen) fen, count(*) n, min(at) first, max(at) last from trace_flow
					where matter_kind = :k and matter_id = :m group by payer_id, payee_id order by sum(amount_fen) desc limit :l
					""")
			.param("k", matter.kind())
			.param("m", matter.id())
			.param("l", limit)
			.query((rs, n) -> edge(rs))
			.list();
	}

	/** Every flow of the matter, in time order, for the export. */
	@Transactional(readOnly = true)
	List<List<String>> flows(Matter matter, int limit) {
		return this.jdbc
			.sql("""
					select f.at, p.number_masked pm, p.holder ph, q.number_masked qm, q.holder qh, f.amount_fen, f.serial, f.memo,
					  f.channel, s.file_name
					from trace_flow f join trace_account p on p.id = f.payer_id join trace_account q on q.id = f.payee_id
					join statement s on s.id = f.statement_id
					where f.matter_kind = :k and f.matter_id = :m order by f.at, f.id limit :l
					""")
			.param("k", matter.kind())
			.param("m", matter.id())
			.param("l", limit)
			.query((rs, n) -> List.of(rs.getObject("at", LocalDateTime.class).toString().replace('T', ' '),
					rs.getString("pm"), rs.getString("ph"), rs.getString("qm"), rs.getString("qh"),
					Money.yuan(rs.getLong("amount_fen")), rs.getString("serial") == null ? "" : rs.getString("serial"),
					rs.getString("memo"), rs.getString("channel"), rs.getString("file_name")))
			.list();
	}

	private static Edge edge(java.sql.ResultSet rs) throws java.sql.SQLException {
		return new Edge(rs.getInt("hop"), rs.getLong("payer_id"), rs.getLong("payee_id"), rs.getLong("fen"),
				rs.getInt("n"), rs.getObject("first", LocalDateTime.class), rs.getObject("last", LocalDateTime.class));
	}

	private static AccountTotal total(java.sql.ResultSet rs) throws java.sql.SQLException {
		return new AccountTotal(rs.getLong("id"), rs.getString("number_masked"), rs.getString("holder"),
				rs.getString("bank"), rs.getBoolean("queried"), rs.getString("role"), rs.getLong("in_fen"),
				rs.getLong("out_fen"), rs.getInt("in_n"), rs.getInt("out_n"));
	}

}
