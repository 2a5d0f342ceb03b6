package org.fangfei.app.tip;

import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.fangfei.app.audit.AuditLog;
import org.fangfei.app.clue.ClueFacts;
import org.fangfei.app.clue.ClueGrade;
import org.fangfei.app.organisation.People;
import org.fangfei.app.shared.Actor;
import org.fangfei.app.shared.NotFound;
import org.fangfei.app.shared.Rejected;
import org.fangfei.app.shared.Times;
import org.fangfei.app.subject.Subjects;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * 举报奖励 as use cases: a case opens as soon as the clue of a tip whose reporter asked for a
 * reward is confirmed (from the clue's events, {@link ClueProgressOfTips}; a sweep,
 * {@link RewardWatch}, catches any left behind), is approved by the office head, paid,
 * and told to the reporter through the tracking code. The facts for the policy come from
 * the tip module's own tables and the owning modules' APIs: the clue (grade, amount,
 * subjects), the people ledger (staff phones), the subject ledger (legal
 * representatives).
 */
@Service
class Rewards {

	private static final Log log = LogFactory.getLog(Rewards.class);

	/** Tips looked at per sweep. */
	static final int SWEEP = 500;

	private final RewardStore store;

	private final ClueFacts clues;

	private final People people;

	private final Subjects subjects;

	private final JdbcClient jdbc;

	private final AuditLog audit;

	private final TransactionTemplate eachOnItsOwn;

	Rewards(RewardStore store, ClueFacts clues, People people, Subjects subjects, JdbcClient jdbc, AuditLog audit,
			PlatformTransactionManager transactions) {
		this.store = store;
		this.clues = clues;
		this.people = people;
		this.subjects = subjects;
		this.jdbc = jdbc;
		this.audit = audit;
		this.eachOnItsOwn = new TransactionTemplate(transactions);
		this.eachOnItsOwn.setPropagationBehavior(TransactionTemplate.PROPAGATION_REQUIRES_NEW);
	}

	/**
	 * Opens every case that is due, each tip in a transaction of its own, so one that
	 * fails (logged, tried again next time) does not hold back the others; returns how
	 * many were opened.
	 */
	int openDue() {
		int opened = 0;
		for (long tipId : this.store.due(SWEEP)) {
			try {
				if (Boolean.TRUE.equals(this.eachOnItsOwn.execute(status -> openIfDue(tipId)))) {
					opened++;
				}
			}
			catch (RuntimeException ex) {
				log.warn("Could not open the reward case of tip " + tipId + "; it is tried again at the next sweep",
						ex);
			}
		}
		return opened;
	}

	/**
	 * Opens the cases due among the tips following one clue, in the caller's transaction.
	 */
	@Transactional
	void openDueOn(long rootClueId) {
		this.store.dueOn(rootClueId).forEach(this::openIfDue);
	}

	/** Opens the tip's case if it is due and not opened yet; true when it did. */
	private boolean openIfDue(long tipId) {
		Optional<RewardStore.TipFacts> found = this.store.lockDue(tipId);
		if (found.isEmpty()) {
			return false;
		}
		RewardStore.TipFacts tip = found.get();
		ClueFacts.Facts root = this.clues.of(tip.rootClueId())
			.orElseThrow(() -> new IllegalStateException("Tip " + tipId + " follows a clue that does not exist"));
		Optional<String[]> reporter = this.store.reporter(tipId);
		String name = reporter.map(r -> r[0]).orElse(null);
		String phone = reporter.map(r -> r[1]).orElse(null);
		RewardPolicy.Facts facts = new RewardPolicy.Facts(tip.earlierTip(), tip.ownClueId() == tip.rootClueId(),
				root.receivedAt(), tip.sentAt(), tip.declaredStaff(),
				phone != null && this.people.idByPhone(phone).isPresent(), representedBy(root.subjectIds(), name),
				root.grade() == ClueGrade.MAJOR, root.amountFen());
		Reward reward = Reward.open(tipId, root.id(), this.store.ruleFor(tip.regionCode()), facts);
		long id = this.store.insert(reward, root.determinedAt() == null ? Times.now() : root.determinedAt());
		this.audit.success("REWARD_OPEN", "reward", id, "举报奖励立案(举报 #" + tipId + ")", null, null);
		return true;
	}

	/** Whether the reporter is the legal representative of one of the clue's subjects. */
	private boolean representedBy(List<Long> subjectIds, String reporter) {
		if (reporter == null) {
			return false;
		}
		return this.subjects.byIds(subjectIds).stream().anyMatch(s -> reporter.equals(s.legalRepresentative()));
	}

	Optional<Reward> ofTip(long tipId) {
		return this.store.ofTip(tipId);
	}

	/** The office head approves the proposed reward; the reporter is told. */
	@Transactional
	void approve(long tipId, String note, Actor actor) {
		Reward reward = this.store.ofTip(tipId).orElseThrow(() -> new NotFound("奖励"));
		reward.approve(actor.username(), note, this.store.confirmed(tipId));
		this.store.save(reward);
		TipDesk.post(this.jdbc, tipId, "您的举报经核查属实，已批准举报奖励" + reward.amountYuan() + "元。请携带本人身份证件和查询码到县处非办领取，或等待工作人员联系。",
				actor.username());
		this.audit.success("REWARD_APPROVE", "reward", reward.id(), "批准举报奖励(举报 #" + tipId + ")", null, null);
	}

	/** Records the payment; the payment reference is stored encrypted. */
	@Transactional
	void pay(long tipId, LocalDate paidOn, String reference, Actor actor) {
		Reward reward = this.store.ofTip(tipId).orElseThrow(() -> new NotFound("奖励"));
		reward.pay(paidOn, reference, actor.username(), Times.today());
		this.store.save(reward);
		TipDesk.post(this.jdbc, tipId, "您的举报奖励已发放，感谢您对防范非法集资工作的支持。", actor.username());
		this.audit.success("REWARD_PAY", "reward", reward.id(), "登记举报奖励发放(举报 #" + tipId + ")", null, null);
	}

	RewardRule ruleFor(String regionCode) {
		return this.store.ruleFor(regionCode);
	}

	/** Every jurisdiction's rule, the default (empty prefix) first. */
	List<RewardRule> rules() {
		return this.store.rules();
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
		this.store.saveRule(rule, actor.username());
		this.audit.success("REWARD_RULE", "reward_rule", rule.regionPrefix(), "设置举报奖励标准", null, rule.toString());
	}

}
