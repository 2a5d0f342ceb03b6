package org.fangfei.app.tip;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import net.javacrumbs.shedlock.spring.annotation.SchedulerLock;
import org.fangfei.app.audit.AuditLog;
import org.fangfei.app.shared.Actor;
import org.fangfei.app.shared.Conflict;
import org.fangfei.app.shared.FieldCipher;
import org.fangfei.app.shared.NotFound;
import org.fangfei.app.shared.Rejected;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * 举报奖励: a case opens when a tip whose reporter asked for a reward turns out true — its
 * clue (or the clue it was merged into) was determined other than "not illegal" and is
 * being disposed of or finished — and is then approved by the office head, paid, and told
 * to the reporter through the tracking code. Exclusions (each named on the case): not the
 * first reporter of the same fact, facts already known before the tip, staff or their
 * relatives (declared, or the phone matches a person in the people ledger), the reporter
 * being the subject's legal representative.
 */
@Service
class Rewards {

	enum State {

		PROPOSED("待审批"), EXCLUDED("不予奖励"), APPROVED("已批准待发放"), PAID("已发放");

		private final String label;

		State(String label) {
			this.label = label;
		}

		public String label() {
			return this.label;
		}

	}

	record Case(long id, long tipId, State state, long amountFen, String basis, String exclusions, String approvedBy,
			String approvalNote, LocalDate paidOn, int version) {

		public String amountYuan() {
			return RewardRule.yuan(this.amountFen);
		}

	}

	private final JdbcClient jdbc;

	private final TipTracking tracking;

	private final FieldCipher cipher;

	private final AuditLog audit;

	Rewards(JdbcClient jdbc, TipTracking tracking, FieldCipher cipher, AuditLog audit) {
		this.jdbc = jdbc;
		this.tracking = tracking;
		this.cipher = cipher;
		this.audit = audit;
	}

	@Scheduled(initialDelayString = "${fangfei.tips.reward-watch-initial-delay:PT2M}",
			fixedDelayString = "${fangfei.tips.reward-watch-every:PT10M}")
	@SchedulerLock(name = "tip-rewards", lockAtLeastFor = "${fangfei.tips.reward-watch-every:PT10M}")
	void scheduled() {
		openDue();
	}

	/** Opens a case for every tip that has become due; returns how many. */
	@Transactional
	int openDue() {
		List<Long> due = this.jdbc.sql("""
				select t.id from tip t where t.wants_reward and t.clue_id is not null
				and not exists (select 1 from reward r where r.tip_id = t.id) order by t.id
				""").query(Long.class).list();
		int opened = 0;
		for (long tipId : due) {
			Optional<ClueFacts> root = rootClue(tipId);
			if (root.isPresent() && root.get().verifiedTrue()) {
				open(tipId, root.get());
				opened++;
			}
		}
		return opened;
	}

	private record ClueFacts(long id, String state, String determination, String grade, Long amountFen,
			OffsetDateTime receivedAt) {

		boolean verifiedTrue() {
			return this.determination != null && !this.determination.equals("NOT_ILLEGAL")
					&& List.of("DISPOSING", "FEEDBACK", "CLOSED").contains(this.state);
		}

	}

	private Optional<ClueFacts> rootClue(long tipId) {
		Long clue = this.jdbc.sql("select clue_id from tip where id = :id")
			.param("id", tipId)
			.query(Long.class)
			.single();
		for (int hops = 0; clue != null && hops < 10; hops++) {
			ClueFacts facts = this.jdbc
				.sql("""
						select id, state, determination, grade, amount_fen, received_at, merged_into from clue where id = :id
						""")
				.param("id", clue)
				.query((rs, n) -> new ClueFacts(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getString(4),
						rs.getObject(5, Long.class), rs.getObject(6, OffsetDateTime.class)))
				.single();
			Long next = this.jdbc.sql("select merged_into from clue where id = :id")
				.param("id", clue)
				.query(Long.class)
				.optional()
				.orElse(null);
			if (!"MERGED".equals(facts.state()) || next == null) {
				return Optional.of(facts);
			}
			clue = next;
		}
		return Optional.empty();
	}

	private void open(long tipId, ClueFacts clue) {
		Map<String, Object> tip = this.jdbc
			.sql("select region_code, created_at, clue_id, declared_staff from tip where id = :id")
			.param("id", tipId)
			.query()
			.singleRow();
		RewardRule rule = ruleFor((String) tip.get("region_code"));
		boolean major = "MAJOR".equals(clue.grade());
		List<String> exclusions = exclusions(tipId, clue, tip);
		long amount = exclusions.isEmpty() ? rule.amountFen(major, clue.amountFen()) : 0;
		long id = this.jdbc.sql("""
				insert into reward (tip_id, clue_id, state, amount_fen, basis, exclusions)
				values (:t, :c, :s, :a, :b, :x) returning id
				""")
			.param("t", tipId)
			.param("c", clue.id())
			.param("s", exclusions.isEmpty() ? State.PROPOSED.name() : State.EXCLUDED.name())
			.param("a", amount)
			.param("b", rule.basis(major, clue.amountFen()))
			.param("x", exclusions.isEmpty() ? null : String.join("；", exclusions))
			.query(Long.class)
			.single();
		this.audit.success("REWARD_OPEN", "reward", id, "举报奖励立案(举报 #" + tipId + ")", null, null);
	}

	/** Why no reward is due; empty when it is. */
	private List<String> exclusions(long tipId, ClueFacts root, Map<String, Object> tip) {
		List<String> reasons = new ArrayList<>();
		OffsetDateTime sent = this.jdbc.sql("select created_at from tip where id = :id")
			.param("id", tipId)
			.query(OffsetDateTime.class)
			.single();
		long earlier = this.jdbc.sql("""
				select count(*) from tip t join clue c on c.id = t.clue_id
				where (c.id = :root or c.merged_into = :root) and t.id <> :tip
				and (t.created_at < :sent or (t.created_at = :sent and t.id < :tip))
				""").param("root", root.id()).param("tip", tipId).param("sent", sent).query(Long.class).single();
		if (earlier > 0) {
			reasons.add("同一事实已有更早的举报(首位举报人规则)");
		}
		Long own = ((Number) tip.get("clue_id")).longValue();
		if (own != root.id() && root.receivedAt().isBefore(sent)) {
			reasons.add("举报前已掌握该线索(" + "并入的线索登记在先)");
		}
		if (Boolean.TRUE.equals(tip.get("declared_staff"))) {
			reasons.add("举报人声明为工作人员或其近亲属");
		}
		long staffPhone = this.jdbc.sql("""
				select count(*) from tip_reporter r join person p on p.phone_idx = r.phone_idx where r.tip_id = :t
				""").param("t", tipId).query(Long.class).single();
		if (staffPhone > 0) {
			reasons.add("举报人手机号与人员库中工作人员的手机号一致");
		}
		if (isSuspect(tipId, root.id())) {
			reasons.add("举报人为被举报主体的法定代表人");
		}
		return reasons;
	}

	private boolean isSuspect(long tipId, long rootClue) {
		byte[] name = this.jdbc.sql("select name_enc from tip_reporter where tip_id = :t")
			.param("t", tipId)
			.query(byte[].class)
			.optional()
			.orElse(null);
		if (name == null) {
			return false;
		}
		String reporter = this.cipher.decrypt(name, "tip_reporter.name:" + tipId);
		return this.jdbc.sql("""
				select count(*) from clue_subject cs join subject s on s.id = cs.subject_id
				join clue c on c.id = cs.clue_id
				where (c.id = :root or c.merged_into = :root) and s.legal_representative = :name
				""").param("root", rootClue).param("name", reporter).query(Long.class).single() > 0;
	}

	RewardRule ruleFor(String regionCode) {
		return this.jdbc
			.sql("""
					select * from reward_rule where :region like region_prefix || '%' order by length(region_prefix) desc limit 1
					""")
			.param("region", regionCode)
			.query((rs, n) -> new RewardRule(rs.getString("region_prefix"),
					RewardRule.Mode.valueOf(rs.getString("mode")), rs.getObject("normal_fen", Long.class),
					rs.getObject("major_fen", Long.class), rs.getObject("per_mille", Integer.class),
					rs.getObject("floor_fen", Long.class), rs.getObject("cap_fen", Long.class)))
			.single();
	}

	/** Every jurisdiction's rule, the default (empty prefix) first. */
	List<RewardRule> rules() {
		return this.jdbc.sql("select * from reward_rule order by length(region_prefix), region_prefix")
			.query((rs, n) -> new RewardRule(rs.getString("region_prefix"),
					RewardRule.Mode.valueOf(rs.getString("mode")), rs.getObject("normal_fen", Long.class),
					rs.getObject("major_fen", Long.class), rs.getObject("per_mille", Integer.class),
					rs.getObject("floor_fen", Long.class), rs.getObject("cap_fen", Long.class)))
			.list();
	}

	/** Sets the rule of a jurisdiction (region prefix), replacing any earlier one. */
	@Transactional
	void saveRule(RewardRule rule, Actor actor) {
		if (!rule.regionPrefix().matches("[0-9]{0,12}")
				|| !actor.scope().covers(rule.regionPrefix() + "0".repeat(12 - rule.regionPrefix().length()))) {
			throw new Rejected("区划不在您的管辖范围内");
		}
		if (rule.mode() == RewardRule.Mode.TIERS && (rule.normalFen() == null || rule.majorFen() == null)) {
			throw new Rejected("固定档次须填写一般线索和重大线索的奖励金额");
		}
		if (rule.mode() == RewardRule.Mode.PER_MILLE
				&& (rule.perMille() == null || rule.perMille() < 0 || rule.perMille() > 1000 || rule.floorFen() == null
						|| (rule.capFen() != null && rule.capFen() < rule.floorFen()))) {
			throw new Rejected("按比例计算须填写0–1000之间的千分比和最低金额，最高金额不得低于最低金额");
		}
		this.jdbc
			.sql("""
					insert into reward_rule (region_prefix, mode, normal_fen, major_fen, per_mille, floor_fen, cap_fen, updated_by)
					values (:p, :m, :n, :j, :pm, :f, :c, :by)
					on conflict (region_prefix) do update set mode = :m, normal_fen = :n, major_fen = :j, per_mille = :pm,
					  floor_fen = :f, cap_fen = :c, updated_by = :by, updated_at = now()
					""")
			.param("p", rule.regionPrefix())
			.param("m", rule.mode().name())
			.param("n", rule.normalFen())
			.param("j", rule.majorFen())
			.param("pm", rule.perMille())
			.param("f", rule.floorFen())
			.param("c", rule.capFen())
			.param("by", actor.username())
			.update();
		this.audit.success("REWARD_RULE", "reward_rule", rule.regionPrefix(), "设置举报奖励标准", null, rule.toString());
	}

	Optional<Case> ofTip(long tipId) {
		return this.jdbc.sql("""
				select id, tip_id, state, amount_fen, basis, exclusions, approved_by, approval_note, paid_on, version
				from reward where tip_id = :t
				""")
			.param("t", tipId)
			.query((rs, n) -> new Case(rs.getLong(1), rs.getLong(2), State.valueOf(rs.getString(3)), rs.getLong(4),
					rs.getString(5), rs.getString(6), rs.getString(7), rs.getString(8),
					rs.getObject(9, LocalDate.class), rs.getInt(10)))
			.optional();
	}

	/** The office head approves the proposed reward; the reporter is told. */
	@Transactional
	void approve(long tipId, String note, Actor actor) {
		Case reward = ofTip(tipId).orElseThrow(() -> new NotFound("奖励"));
		move(reward, State.PROPOSED, State.APPROVED, """
				update reward set state = 'APPROVED', approved_by = :by, approved_at = now(), approval_note = :note,
				version = version + 1 where id = :id and version = :v
				""", Map.of("by", actor.username(), "note", note == null ? "" : note.strip()));
		TipDesk.post(this.jdbc, tipId, "您的举报经核查属实，已批准举报奖励" + reward.amountYuan() + "元。请携带本人身份证件和查询码到县处非办领取，或等待工作人员联系。",
				actor.username());
		this.audit.success("REWARD_APPROVE", "reward", reward.id(), "批准举报奖励(举报 #" + tipId + ")", null, null);
	}

	/** Records the payment; the payment reference is stored encrypted. */
	@Transactional
	void pay(long tipId, LocalDate paidOn, String reference, Actor actor) {
		Case reward = ofTip(tipId).orElseThrow(() -> new NotFound("奖励"));
		if (paidOn == null || paidOn.isAfter(LocalDate.now()) || reference == null || reference.isBlank()
				|| reference.length() > 200) {
			throw new Rejected("请填写发放日期(不晚于今天)和发放凭证号", Map.of("reference", "请填写发放凭证号"));
		}
		move(reward, State.APPROVED, State.PAID, """
				update reward set state = 'PAID', paid_on = :on, payment_enc = :ref, paid_by = :by,
				version = version + 1 where id = :id and version = :v
				""", Map.of("on", paidOn, "ref",
				this.cipher.encrypt(reference.strip(), "reward.payment:" + reward.id()), "by", actor.username()));
		TipDesk.post(this.jdbc, tipId, "您的举报奖励已发放，感谢您对防范非法集资工作的支持。", actor.username());
		this.audit.success("REWARD_PAY", "reward", reward.id(), "登记举报奖励发放(举报 #" + tipId + ")", null, null);
	}

	private void move(Case reward, State from, State to, String sql, Map<String, Object> params) {
		if (reward.state() != from) {
			throw new Conflict("奖励当前为“" + reward.state().label() + "”，不能改为“" + to.label() + "”");
		}
		int updated = this.jdbc.sql(sql).params(params).param("id", reward.id()).param("v", reward.version()).update();
		if (updated != 1) {
			throw new Conflict("刚刚已被他人处理，您的操作未执行");
		}
	}

}
