package org.fangfei.app.tip;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import org.fangfei.app.shared.Conflict;
import org.fangfei.app.shared.Money;
import org.fangfei.app.shared.Rejected;

/**
 * 举报奖励: one reward case and the moves that change it. Plain Java, no framework: opened by
 * {@link #open} on the policy's findings, approved by the office head while the clue's
 * determination still stands, paid with a voucher reference. Loaded and saved by
 * {@link RewardStore} with its version, so of two people acting at once one wins.
 */
final class Reward {

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

	private final Long id;

	private final long tipId;

	private final long clueId;

	private State state;

	private final long amountFen;

	private final String basis;

	private final String exclusions;

	private String approvedBy;

	private String approvalNote;

	private LocalDate paidOn;

	private String paymentReference;

	private String paidBy;

	private final int version;

	Reward(Long id, long tipId, long clueId, State state, long amountFen, String basis, String exclusions,
			String approvedBy, String approvalNote, LocalDate paidOn, String paidBy, int version) {
		this.id = id;
		this.tipId = tipId;
		this.clueId = clueId;
		this.state = state;
		this.amountFen = amountFen;
		this.basis = basis;
		this.exclusions = exclusions;
		this.approvedBy = approvedBy;
		this.approvalNote = approvalNote;
		this.paidOn = paidOn;
		this.paidBy = paidBy;
		this.version = version;
	}

	/**
	 * Opens the case of a tip whose clue was confirmed: proposed with the rule's amount,
	 * or excluded — amount nil — with every reason the policy found.
	 */
	static Reward open(long tipId, long rootClueId, RewardRule rule, RewardPolicy.Facts facts) {
		List<String> reasons = RewardPolicy.exclusions(facts);
		boolean due = reasons.isEmpty();
		return new Reward(null, tipId, rootClueId, due ? State.PROPOSED : State.EXCLUDED,
				due ? rule.amountFen(facts.major(), facts.involvedFen()) : 0,
				rule.basis(facts.major(), facts.involvedFen()), due ? null : String.join("；", reasons), null, null,
				null, null, 0);
	}

	/**
	 * The office head approves a proposed reward; not while the clue's determination is
	 * disputed or was changed to "not illegal".
	 */
	void approve(String by, String note, boolean clueConfirmed) {
		require(State.PROPOSED, State.APPROVED);
		if (!clueConfirmed) {
			throw new Conflict("该线索的认定存在异议或已改为不属于非法集资，暂不能批准奖励");
		}
		if (note != null && note.length() > 500) {
			throw new Rejected("审批意见不能超过500字", Map.of("note", "审批意见不能超过500字"));
		}
		this.state = State.APPROVED;
		this.approvedBy = by;
		this.approvalNote = note == null ? "" : note.strip();
	}

	/** Records the payment: a date no later than today and the voucher's reference. */
	void pay(LocalDate on, String reference, String by, LocalDate today) {
		if (on == null || on.isAfter(today) || reference == null || reference.isBlank() || reference.length() > 200) {
			throw new Rejected("请填写发放日期(不晚于今天)和发放凭证号", Map.of("reference", "请填写发放凭证号"));
		}
		require(State.APPROVED, State.PAID);
		this.state = State.PAID;
		this.paidOn = on;
		this.paymentReference = reference.strip();
		this.paidBy = by;
	}

	private void require(State from, State to) {
		if (this.state != from) {
			throw new Conflict("奖励当前为“" + this.state.label() + "”，不能改为“" + to.label() + "”");
		}
	}

	Long id() {
		return this.id;
	}

	long tipId() {
		return this.tipId;
	}

	long clueId() {
		return this.clueId;
	}

	public State state() {
		return this.state;
	}

	public long amountFen() {
		return this.amountFen;
	}

	public String amountYuan() {
		return Money.yuan(this.amountFen);
	}

	public String basis() {
		return this.basis;
	}

	/** Why no reward is due, or null. */
	public String exclusions() {
		return this.exclusions;
	}

	public String approvedBy() {
		return this.approvedBy;
	}

	public String approvalNote() {
		return this.approvalNote;
	}

	public LocalDate paidOn() {
		return this.paidOn;
	}

	/** The voucher reference given with {@link #pay}, until saved (stored encrypted). */
	String paymentReference() {
		return this.paymentReference;
	}

	String paidBy() {
		return this.paidBy;
	}

	int version() {
		return this.version;
	}

}
