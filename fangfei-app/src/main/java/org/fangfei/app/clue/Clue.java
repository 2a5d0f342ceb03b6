package org.fangfei.app.clue;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

import org.fangfei.app.shared.Conflict;
import org.fangfei.app.shared.Money;
import org.fangfei.app.shared.Rejected;

/**
 * A clue's workflow state and the moves that change it: the one place that decides which
 * move is legal from which state and for whom. Plain Java, no framework: loaded by
 * {@link Clues}, changed by one move, saved with its version so that of two people acting
 * at once one wins and the other is told.
 *
 * <p>
 * Each move checks the state, the acting party and the policies, then records a
 * {@link Change} for the timeline. Nothing is changed when a move is refused.
 */
final class Clue {

	/** How the acting user stands towards this clue. */
	enum Party {

		/** The lead office (处非办): accepts, dispatches, merges, asks for more checking. */
		OFFICE,
		/** The township or department the clue is dispatched to. */
		HANDLER,
		/** May determine (认定): the office head or a leader. */
		DETERMINER,
		/** May close out and look back: the office head. */
		CLOSER,
		/** Rules on a disputed determination, one level up: a leader. */
		ARBITER,
		/**
		 * An assisting unit (协办单位) of a clue dispatched to a lead unit: adds its part of
		 * the verification, which the lead submits (联合核查).
		 */
		ASSISTANT

	}

	/** What a user may do next, as offered on the clue page. */
	enum Action {

		ACCEPT("受理", "clue:clue:accept"), REJECT("不予受理", "clue:clue:accept"), MERGE("合并", "clue:clue:accept"),
		DISPATCH("分派", "clue:clue:dispatch"), RETURN("退回", "clue:clue:handle"), RECEIVE("签收", "clue:clue:handle"),
		VERIFY("提交核查报告", "clue:clue:handle"), MORE("要求补充核查", "clue:clue:dispatch"),
		DETERMINE("研判认定", "clue:clue:determine"), DISPUTE("认定异议", "clue:clue:handle"),
		RESOLVE("裁决异议", "clue:dispute:resolve"), MEASURE("登记处置措施", "clue:clue:handle"),
		FINISH("完成处置", "clue:clue:handle"), FEEDBACK("反馈来源", "clue:clue:accept"), CLOSE("销号", "clue:clue:close"),
		LOOK_BACK("回头看", "clue:clue:close"), ASSIST("补充协查情况", "clue:clue:handle");

		private final String label;

		private final String permission;

		Action(String label, String permission) {
			this.label = label;
			this.permission = permission;
		}

		public String label() {
			return this.label;
		}

		/** The permission string the action needs, besides the party. */
		public String permission() {
			return this.permission;
		}

	}

	/** One entry for the timeline, written with the move. */
	record Change(String kind, ClueState from, ClueState to, String note) {
	}

	/** A disposal measure already recorded, as the policies need it. */
	record Measure(MeasureKind kind, Long amountFen) {
	}

	/**
	 * What the clue is about, as the office may correct it while the clue is open: the
	 * figures feed the criminal thresholds and the grade the deadlines.
	 */
	record Particulars(String title, String description, String regionCode, String sectorCode, String schemeCode,
			Long amountFen, Integer peopleCount, ClueGrade grade) {
	}

	private final long id;

	private final String code;

	private ClueState state;

	private final ClueSource source;

	private Particulars about;

	private boolean corrected;

	private Unit handler;

	private List<Unit> assisting;

	private Determination determination;

	private Determination disputed;

	private final boolean feedbackRequired;

	private String feedback;

	private final List<Measure> measures;

	private final int version;

	private final List<Change> changes = new ArrayList<>();

	private final List<ClueEvent> events = new ArrayList<>();

	Clue(long id, String code, ClueState state, ClueSource source, Particulars about, Unit handler,
			List<Unit> assisting, Determination determination, Determination disputed, boolean feedbackRequired,
			String feedback, List<Measure> measures, int version) {
		this.id = id;
		this.assisting = List.copyOf(assisting);
		this.code = code;
		this.state = state;
		this.source = source;
		this.about = about;
		this.handler = handler;
		this.determination = determination;
		this.disputed = disputed;
		this.feedbackRequired = feedbackRequired;
		this.feedback = feedback;
		this.measures = new ArrayList<>(measures);
		this.version = version;
	}

	/** 受理. */
	void accept(Set<Party> parties) {
		require(parties, Party.OFFICE, "受理");
		move(Set.of(ClueState.REGISTERED), ClueState.ACCEPTED, "受理", null);
		this.events.add(new ClueEvent.Accepted(ref()));
	}

	/** 不予受理, with the reason the source will be told. */
	void reject(Set<Party> parties, String reason) {
		require(parties, Party.OFFICE, "不予受理");
		String why = required(reason, "不予受理的理由");
		move(Set.of(ClueState.REGISTERED), ClueState.REJECTED, "不予受理", why);
		this.events.add(new ClueEvent.Rejected(ref(), why));
	}

	/** The most assisting units one clue may have. */
	static final int MAX_ASSISTING = 10;

	/**
	 * 分派 to a township or department as the lead unit (牵头单位), with any assisting units
	 * (协办单位) that verify together with it (联合核查). When the lead is not the unit that
	 * {@link JurisdictionRouting} suggests, a reason is required (条例 art. 20).
	 */
	void dispatch(Set<Party> parties, Unit target, List<Unit> assistants, List<Unit> suggested, String reason) {
		require(parties, Party.OFFICE, "分派");
		requireState(Set.of(ClueState.ACCEPTED), "分派");
		JurisdictionRouting.check(target, suggested, reason);
		List<Unit> helping = new ArrayList<>();
		for (Unit unit : assistants) {
			if (unit.same(target)) {
				throw new Rejected("协办单位不能同时是牵头单位：" + unit.name(), java.util.Map.of("assist", "协办单位不能同时是牵头单位"));
			}
			if (helping.stream().noneMatch(unit::same)) {
				helping.add(unit);
			}
		}
		if (helping.size() > MAX_ASSISTING) {
			throw new Rejected("协办单位最多 " + MAX_ASSISTING + " 个",
					java.util.Map.of("assist", "协办单位最多 " + MAX_ASSISTING + " 个"));
		}
		String note = "分派至" + target.name() + (helping.isEmpty() ? "" : "(牵头)，协办：" + names(helping))
				+ (reason == null || reason.isBlank() ? "" : "。理由：" + reason.strip());
		move(Set.of(ClueState.ACCEPTED), ClueState.DISPATCHED, "分派", note);
		this.handler = target;
		this.assisting = List.copyOf(helping);
		this.events.add(new ClueEvent.Dispatched(ref(), target.regionCode(), target.departmentId(), target.name(),
				helping.stream().map(Unit::name).toList()));
	}

	private static String names(List<Unit> units) {
		return String.join("、", units.stream().map(Unit::name).toList());
	}

	/**
	 * 协查: an assisting unit adds its part of the verification while the lead verifies;
	 * the lead reads it on the timeline and submits the report.
	 */
	void assist(Set<Party> parties, Unit unit, String what) {
		require(parties, Party.ASSISTANT, "补充协查情况");
		requireState(Set.of(ClueState.VERIFYING), "补充协查情况");
		if (unit == null || this.assisting.stream().noneMatch(unit::same)) {
			throw new Rejected("只有协办单位可以补充协查情况");
		}
		String text = required(what, "协查情况");
		this.changes.add(new Change("协查", this.state, this.state, unit.name() + "协查：" + text));
		this.events.add(new ClueEvent.Assisted(ref(), unit.name(), text));
	}

	/** 退回: the unit it was dispatched to sends it back to the office, with a reason. */
	void returnToOffice(Set<Party> parties, String reason) {
		require(parties, Party.HANDLER, "退回");
		requireState(Set.of(ClueState.DISPATCHED), "退回");
		String why = required(reason, "退回理由");
		move(Set.of(ClueState.DISPATCHED), ClueState.ACCEPTED, "退回", this.handler.name() + "退回：" + why);
		this.handler = null;
		this.assisting = List.of();
		this.events.add(new ClueEvent.Returned(ref(), why));
	}

	/** 签收: the unit takes the clue and starts verification. */
	void receive(Set<Party> parties) {
		require(parties, Party.HANDLER, "签收");
		requireState(Set.of(ClueState.DISPATCHED), "签收");
		move(Set.of(ClueState.DISPATCHED), ClueState.VERIFYING, "签收", this.handler.name() + "签收，开始核查");
		this.events.add(new ClueEvent.Received(ref()));
	}

	/**
	 * 提交核查报告 (条例 art. 21: at least two investigators), with the figures the unit
	 * verified: an amount or a number of participants found on site replaces the one
	 * registered at intake, so the criminal thresholds at 认定 and a tip's reward weigh
	 * what was verified; a figure left blank keeps the registered one.
	 * @param verifiedAmountFen the amount involved as verified, or null when not found
	 * @param verifiedPeople the participants as verified, or null when not found
	 */
	void submitVerification(Set<Party> parties, List<String> investigators, String findings, Long verifiedAmountFen,
			Integer verifiedPeople) {
		require(parties, Party.HANDLER, "提交核查报告");
		requireState(Set.of(ClueState.VERIFYING), "提交核查报告");
		List<String> names = VerificationNeedsTwoInvestigators.check(investigators);
		required(findings, "核查情况");
		Particulars was = this.about;
		Long amount = verifiedAmountFen != null ? verifiedAmountFen : was.amountFen();
		Integer people = verifiedPeople != null ? verifiedPeople : was.peopleCount();
		List<String> figures = new ArrayList<>();
		if (verifiedAmountFen != null) {
			figures.add("核实涉及金额 " + Money.yuan(amount) + " 元" + (java.util.Objects.equals(amount, was.amountFen()) ? ""
					: "(登记时" + (was.amountFen() == null ? "未知" : " " + Money.yuan(was.amountFen()) + " 元") + ")"));
		}
		if (verifiedPeople != null) {
			figures.add("核实涉及人数 " + people + " 人" + (java.util.Objects.equals(people, was.peopleCount()) ? ""
					: "(登记时" + (was.peopleCount() == null ? "未知" : " " + was.peopleCount() + " 人") + ")"));
		}
		if (!java.util.Objects.equals(amount, was.amountFen())
				|| !java.util.Objects.equals(people, was.peopleCount())) {
			this.about = new Particulars(was.title(), was.description(), was.regionCode(), was.sectorCode(),
					was.schemeCode(), amount, people, was.grade());
			this.corrected = true;
		}
		move(Set.of(ClueState.VERIFYING), ClueState.ASSESSING, "核查", "核查人员：" + String.join("、", names) + "。"
				+ (figures.isEmpty() ? "" : String.join("；", figures) + "。") + findings.strip());
		this.events.add(new ClueEvent.Verified(ref(), amount, people));
	}

	/** 补充核查: the office sends a verification back for more work. */
	void requestMoreVerification(Set<Party> parties, String reason) {
		require(parties, Party.OFFICE, "要求补充核查");
		String what = required(reason, "补充核查的要求");
		move(Set.of(ClueState.ASSESSING), ClueState.VERIFYING, "补充核查", what);
		this.events.add(new ClueEvent.MoreVerificationRequested(ref(), what));
	}

	/**
	 * 认定. A clue found not illegal goes to feedback; any other finding to disposal.
	 * Figures at the criminal thresholds need a reason to be determined as less than a
	 * suspected crime.
	 */
	void determine(Set<Party> parties, Determination what, String basis) {
		require(parties, Party.DETERMINER, "认定");
		requireState(Set.of(ClueState.ASSESSING), "认定");
		String note = what.label() + "。依据：" + required(basis, "认定依据");
		CriminalThresholds.checkDetermination(what, this.about.amountFen(), this.about.peopleCount(), basis);
		move(Set.of(ClueState.ASSESSING), what.needsDisposal() ? ClueState.DISPOSING : ClueState.FEEDBACK, "认定", note);
		this.determination = what;
		this.events.add(new ClueEvent.Determined(ref(), what, false, this.about.amountFen(), this.about.peopleCount()));
	}

	/**
	 * 认定异议: the handling unit disputes the determination before any measure is taken; the
	 * dispute goes one level up to a leader.
	 */
	void dispute(Set<Party> parties, String reason) {
		require(parties, Party.HANDLER, "提出认定异议");
		requireState(Set.of(ClueState.DISPOSING, ClueState.FEEDBACK), "提出认定异议");
		if (!this.measures.isEmpty()) {
			throw new Conflict("已有处置措施，不能再对认定提出异议");
		}
		move(Set.of(ClueState.DISPOSING, ClueState.FEEDBACK), ClueState.DISPUTED, "认定异议",
				"对“" + this.determination.label() + "”有异议：" + required(reason, "异议理由"));
		this.disputed = this.determination;
		this.events.add(new ClueEvent.Disputed(ref(), this.disputed));
	}

	/** 裁决: a leader confirms or changes the disputed determination. */
	void resolveDispute(Set<Party> parties, Determination what, String basis) {
		require(parties, Party.ARBITER, "裁决认定异议");
		String note = "裁决为" + what.label() + "。依据：" + required(basis, "裁决依据");
		move(Set.of(ClueState.DISPUTED), what.needsDisposal() ? ClueState.DISPOSING : ClueState.FEEDBACK, "裁决", note);
		this.determination = what;
		this.disputed = null;
		this.events.add(new ClueEvent.Determined(ref(), what, true, this.about.amountFen(), this.about.peopleCount()));
	}

	/** Records one disposal measure taken today. */
	void recordMeasure(Set<Party> parties, MeasureKind kind, Long amountFen, String docNumber) {
		recordMeasure(parties, kind, amountFen, docNumber, org.fangfei.app.shared.Times.today());
	}

	/**
	 * Records one disposal measure taken on {@code takenOn} by the document
	 * {@code docNumber}, after the policies for fines and refunds.
	 */
	void recordMeasure(Set<Party> parties, MeasureKind kind, Long amountFen, String docNumber,
			java.time.LocalDate takenOn) {
		requireAny(parties, "登记处置措施", Party.HANDLER, Party.OFFICE);
		requireState(Set.of(ClueState.DISPOSING), "登记处置措施");
		if (kind == MeasureKind.ADMIN_PENALTY) {
			RefundBeforeFine.check(this.measures, this.about.peopleCount());
			PenaltyWithinRange.check(amountFen, this.about.amountFen());
		}
		this.measures.add(new Measure(kind, amountFen));
		this.changes.add(new Change("处置", this.state, this.state, kind.label() + "，文号 " + docNumber));
		this.events.add(new ClueEvent.MeasureRecorded(ref(), kind, amountFen, takenOn, docNumber));
	}

	/** 处置完毕: at least one measure, and a suspected crime transferred to the police. */
	void finishDisposal(Set<Party> parties) {
		requireAny(parties, "完成处置", Party.HANDLER, Party.OFFICE);
		requireState(Set.of(ClueState.DISPOSING), "完成处置");
		if (this.measures.isEmpty()) {
			throw new Rejected("尚未登记任何处置措施，不能完成处置");
		}
		CrimeGoesToPolice.check(this.determination, this.measures);
		move(Set.of(ClueState.DISPOSING), ClueState.FEEDBACK, "处置完毕", "共 " + this.measures.size() + " 项处置措施");
		this.events.add(new ClueEvent.DisposalFinished(ref(), this.determination, this.measures.size()));
	}

	/** 反馈: what the source is told. */
	void giveFeedback(Set<Party> parties, String text) {
		require(parties, Party.OFFICE, "反馈");
		requireState(Set.of(ClueState.FEEDBACK), "反馈");
		this.feedback = required(text, "反馈内容");
		this.changes.add(new Change("反馈", this.state, this.state, "向" + this.source.label() + "来源反馈：" + this.feedback));
		this.events.add(new ClueEvent.FeedbackGiven(ref(), this.feedback));
	}

	/** 销号: needs feedback first when the source expects it. */
	void close(Set<Party> parties, String note) {
		require(parties, Party.CLOSER, "销号");
		requireState(Set.of(ClueState.FEEDBACK), "销号");
		if (this.feedbackRequired && (this.feedback == null || this.feedback.isBlank())) {
			throw new Rejected("该线索来源为“" + this.source.label() + "”，须先向来源反馈办理结果，才能销号");
		}
		move(Set.of(ClueState.FEEDBACK), ClueState.CLOSED, "销号", note == null || note.isBlank() ? "销号" : note.strip());
		this.events.add(new ClueEvent.Closed(ref(), this.determination, org.fangfei.app.shared.Times.now()));
	}

	/** 回头看: a closed clue is checked again; a relapse reopens it for verification. */
	void lookBack(Set<Party> parties, String result, boolean reopen) {
		require(parties, Party.CLOSER, "回头看");
		String what = required(result, "回头看情况");
		if (reopen) {
			if (this.handler == null) {
				throw new Conflict("该线索没有承办单位，不能重新启动核查");
			}
			move(Set.of(ClueState.CLOSED), ClueState.VERIFYING, "回头看", "回头看发现问题，重新核查：" + what);
			this.events.add(new ClueEvent.Reopened(ref(), what));
		}
		else {
			requireState(Set.of(ClueState.CLOSED), "回头看");
			this.changes.add(new Change("回头看", this.state, this.state, "回头看未发现反弹：" + what));
			this.events.add(new ClueEvent.LookedBack(ref(), what));
		}
	}

	/**
	 * 合并 into an open clue about the same matter; this clue keeps its channel and
	 * history.
	 */
	void mergeInto(Set<Party> parties, long targetId, String targetCode) {
		require(parties, Party.OFFICE, "合并");
		move(Set.of(ClueState.REGISTERED, ClueState.ACCEPTED), ClueState.MERGED, "合并", "并入线索 " + targetCode);
		this.events.add(new ClueEvent.Merged(ref(), targetId, targetCode));
	}

	/**
	 * 修改线索: the office corrects what the clue is about while it is open. The region is
	 * fixed once the clue has gone beyond acceptance (it decided where the clue went); a
	 * grade raised to major is reported upward by the event's listener. Every changed
	 * field goes to the timeline as "before → after" (the description only as "修改了线索内容");
	 * returns false and changes nothing when nothing differs. Codes (region, sector,
	 * scheme) are written by their names, so the timeline reads in Chinese.
	 */
	boolean correct(Set<Party> parties, Particulars next, Names names) {
		require(parties, Party.OFFICE, "修改线索");
		if (!this.state.open()) {
			throw new Conflict("线索 " + this.code + " 当前状态为“" + this.state.label() + "”，不能修改");
		}
		if (next.grade() == null) {
			throw new Rejected("请选择线索等级", java.util.Map.of("grade", "请选择线索等级"));
		}
		Particulars was = this.about;
		boolean regionLocked = this.state != ClueState.REGISTERED && this.state != ClueState.ACCEPTED;
		if (regionLocked && next.regionCode() != null && !next.regionCode().equals(was.regionCode())) {
			throw new Rejected("线索已分派办理，所在区划不能再修改", java.util.Map.of("regionCode", "线索已分派办理，所在区划不能再修改"));
		}
		Particulars now = regionLocked || next.regionCode() == null
				? new Particulars(next.title(), next.description(), was.regionCode(), next.sectorCode(),
						next.schemeCode(), next.amountFen(), next.peopleCount(), next.grade())
				: next;
		List<String> what = new ArrayList<>();
		difference(what, "标题", was.title(), now.title());
		if (!java.util.Objects.equals(was.description(), now.description())) {
			what.add("修改了线索内容");
		}
		difference(what, "区划", names.region(was.regionCode()), names.region(now.regionCode()));
		difference(what, "行业", names.sector(was.sectorCode()), names.sector(now.sectorCode()));
		difference(what, "集资模式", names.scheme(was.schemeCode()), names.scheme(now.schemeCode()));
		difference(what, "涉及金额(元)", Money.yuan(was.amountFen()), Money.yuan(now.amountFen()));
		difference(what, "涉及人数", was.peopleCount(), now.peopleCount());
		difference(what, "等级", was.grade().label(), now.grade().label());
		if (what.isEmpty()) {
			return false;
		}
		this.about = now;
		this.corrected = true;
		String summary = String.join("；", what);
		this.changes.add(new Change("修改", this.state, this.state, summary));
		this.events.add(new ClueEvent.Corrected(ref(), was.grade(), now.amountFen(), now.peopleCount(), summary));
		return true;
	}

	/**
	 * The names of the coded particulars, as the county's reference tables hold them; a
	 * null code is null.
	 */
	interface Names {

		String region(String code);

		String sector(String code);

		String scheme(String code);

	}

	private static void difference(List<String> changes, String label, Object before, Object after) {
		String a = before == null ? "" : before.toString();
		String b = after == null ? "" : after.toString();
		if (!a.equals(b)) {
			changes.add(label + "：" + (a.isEmpty() ? "(空)" : a) + " → " + (b.isEmpty() ? "(空)" : b));
		}
	}

	/** The moves these parties may make from the current state. */
	Set<Action> allowed(Set<Party> parties) {
		EnumSet<Action> actions = EnumSet.noneOf(Action.class);
		boolean office = parties.contains(Party.OFFICE);
		boolean handler = parties.contains(Party.HANDLER);
		switch (this.state) {
			case REGISTERED -> addIf(actions, office, Action.ACCEPT, Action.REJECT, Action.MERGE);
			case ACCEPTED -> addIf(actions, office, Action.DISPATCH, Action.MERGE);
			case DISPATCHED -> addIf(actions, handler, Action.RECEIVE, Action.RETURN);
			case VERIFYING -> {
				addIf(actions, handler, Action.VERIFY);
				addIf(actions, parties.contains(Party.ASSISTANT), Action.ASSIST);
			}
			case ASSESSING -> {
				addIf(actions, parties.contains(Party.DETERMINER), Action.DETERMINE);
				addIf(actions, office, Action.MORE);
			}
			case DISPUTED -> addIf(actions, parties.contains(Party.ARBITER), Action.RESOLVE);
			case DISPOSING -> {
				addIf(actions, handler || office, Action.MEASURE, Action.FINISH);
				addIf(actions, handler && this.measures.isEmpty(), Action.DISPUTE);
			}
			case FEEDBACK -> {
				addIf(actions, office, Action.FEEDBACK);
				addIf(actions, parties.contains(Party.CLOSER), Action.CLOSE);
				addIf(actions, handler && this.measures.isEmpty(), Action.DISPUTE);
			}
			case CLOSED -> addIf(actions, parties.contains(Party.CLOSER), Action.LOOK_BACK);
			default -> {
			}
		}
		return actions;
	}

	private static void addIf(Set<Action> actions, boolean condition, Action... add) {
		if (condition) {
			actions.addAll(java.util.List.of(add));
		}
	}

	private void move(Set<ClueState> from, ClueState to, String kind, String note) {
		requireState(from, kind);
		this.changes.add(new Change(kind, this.state, to, note));
		this.state = to;
	}

	private void requireState(Set<ClueState> from, String action) {
		if (!from.contains(this.state)) {
			throw new Conflict("线索 " + this.code + " 当前状态为“" + this.state.label() + "”，不能" + action);
		}
	}

	private static void require(Set<Party> parties, Party needed, String action) {
		requireAny(parties, action, needed);
	}

	private static void requireAny(Set<Party> parties, String action, Party... any) {
		for (Party p : any) {
			if (parties.contains(p)) {
				return;
			}
		}
		String who = switch (any[0]) {
			case OFFICE -> "处非办";
			case HANDLER -> "承办单位";
			case DETERMINER -> "处非办负责人或领导";
			case CLOSER -> "处非办负责人";
			case ARBITER -> "上一级领导";
			case ASSISTANT -> "协办单位";
		};
		throw new Rejected("只有" + who + "可以" + action);
	}

	private static String required(String text, String what) {
		if (text == null || text.isBlank()) {
			throw new Rejected("请填写" + what, java.util.Map.of("note", "请填写" + what));
		}
		if (text.length() > 2000) {
			throw new Rejected(what + "不能超过 2000 字", java.util.Map.of("note", what + "不能超过 2000 字"));
		}
		return text.strip();
	}

	/** Parties of an actor who is none of the roles: may only look. */
	static Set<Party> nobody() {
		return EnumSet.noneOf(Party.class);
	}

	long id() {
		return this.id;
	}

	String code() {
		return this.code;
	}

	ClueState state() {
		return this.state;
	}

	ClueGrade grade() {
		return this.about.grade();
	}

	Particulars about() {
		return this.about;
	}

	/** Whether {@link #correct} changed what the clue is about. */
	boolean corrected() {
		return this.corrected;
	}

	/** The events of the moves made, for the other modules; published when saved. */
	List<ClueEvent> events() {
		return List.copyOf(this.events);
	}

	/** The clue as it stands now, as the version the save will write. */
	private ClueEvent.ClueRef ref() {
		return new ClueEvent.ClueRef(this.id, this.code, this.about.regionCode(), this.about.sectorCode(),
				this.about.grade(), this.state, this.version + 1);
	}

	Unit handler() {
		return this.handler;
	}

	/** The assisting units (协办单位), none unless dispatched with them. */
	List<Unit> assisting() {
		return this.assisting;
	}

	Determination determination() {
		return this.determination;
	}

	Determination disputed() {
		return this.disputed;
	}

	String feedback() {
		return this.feedback;
	}

	int version() {
		return this.version;
	}

	List<Change> changes() {
		return List.copyOf(this.changes);
	}

}
