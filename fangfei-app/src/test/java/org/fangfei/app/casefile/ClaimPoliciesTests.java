package org.fangfei.app.casefile;

import java.time.LocalDate;
import java.util.List;

import org.fangfei.app.shared.PersonalData;
import org.fangfei.app.shared.Rejected;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The rules of self-registration and cross-region work, each on its own: what a claim
 * must carry ({@link ClaimRules}), one claim per ID number per window
 * ({@link OneClaimPerWindow}), the comparison with the register ({@link ClaimMatch}), the
 * clearance ratio ({@link ClearanceRatio}), registration windows
 * ({@link ClaimWindowRules}) and 三统两分 ({@link ThreeUnifiedTwoSeparate}).
 */
class ClaimPoliciesTests {

	static final String ID = id("62042219800101001");

	static final String OTHER_ID = id("62042219850505002");

	static String id(String first17) {
		return first17 + PersonalData.idCheckCharacter(first17);
	}

	static ClaimForm form(Claimant claimant, String... fields) {
		java.util.Map<String, String> v = new java.util.HashMap<>();
		v.put("name", "王秀英");
		v.put("idNumber", ID);
		v.put("phone", "13912345678");
		v.put("invested", "50000");
		v.put("received", "2000.5");
		v.put("bankName", "中国农业银行会宁县支行");
		v.put("accountHolder", "王秀英");
		v.put("account", "6228 4800 0000 0000 017");
		v.put("claimantName", "");
		v.put("claimantIdNumber", "");
		v.put("relation", "");
		for (int i = 0; i + 1 < fields.length; i += 2) {
			v.put(fields[i], fields[i + 1]);
		}
		return new ClaimForm(1L, v.get("name"), v.get("idNumber"), v.get("phone"), v.get("invested"), v.get("received"),
				v.get("bankName"), v.get("accountHolder"), v.get("account"), claimant, v.get("claimantName"),
				v.get("claimantIdNumber"), v.get("relation"), "", "42", "");
	}

	static String refusal(Runnable r, String field) {
		try {
			r.run();
		}
		catch (Rejected ex) {
			assertThat(ex.getMessage()).containsPattern("\\p{IsHan}");
			if (field != null) {
				assertThat(ex.fieldErrors()).containsKey(field);
				return ex.fieldErrors().get(field);
			}
			return ex.getMessage();
		}
		throw new AssertionError("not refused");
	}

	// ---- ClaimRules

	@Test
	void aParticipantsOwnClaimIsNormalisedToFenAndDigits() {
		ClaimRules.Checked c = ClaimRules.check(form(Claimant.SELF), 0);
		assertThat(c.invested()).isEqualTo(5_000_000L);
		assertThat(c.received()).isEqualTo(200_050L);
		assertThat(c.account()).isEqualTo("6228480000000000017");
		assertThat(ClaimRules.maskAccount(c.account())).isEqualTo("****0017");
		assertThat(c.claimantName()).isNull();
	}

	@Test
	void anIdNumberWithAWrongCheckCharacterIsRefused() {
		String wrong = ID.substring(0, 17) + (ID.charAt(17) == '1' ? '2' : '1');
		assertThat(refusal(() -> ClaimRules.check(form(Claimant.SELF, "idNumber", wrong), 0), "idNumber"))
			.contains("校验码");
		assertThat(refusal(() -> ClaimRules.check(form(Claimant.SELF, "idNumber", ""), 0), "idNumber"))
			.isEqualTo("请填写身份证号");
	}

	@Test
	void phoneAmountsAndAccountAreChecked() {
		assertThat(refusal(() -> ClaimRules.check(form(Claimant.SELF, "phone", ""), 0), "phone")).isEqualTo("请填写手机号");
		assertThat(refusal(() -> ClaimRules.check(form(Claimant.SELF, "phone", "12345"), 0), "phone"))
			.isEqualTo("手机号不正确");
		assertThat(refusal(() -> ClaimRules.check(form(Claimant.SELF, "invested", "0"), 0), "invested"))
			.isEqualTo("投入金额须大于0");
		assertThat(refusal(() -> ClaimRules.check(form(Claimant.SELF, "invested", "十万"), 0), "invested"))
			.containsPattern("\\p{IsHan}");
		assertThat(refusal(() -> ClaimRules.check(form(Claimant.SELF, "received", "60000"), 0), "received"))
			.isEqualTo("已收回金额不能大于投入金额");
		assertThat(refusal(() -> ClaimRules.check(form(Claimant.SELF, "account", "62-28"), 0), "account"))
			.isEqualTo("收款账号应为8至30位数字");
		assertThat(refusal(() -> ClaimRules.check(form(Claimant.SELF, "bankName", " "), 0), "bankName"))
			.isEqualTo("请填写开户银行");
	}

	@Test
	void anHeirOrAgentNeedsTheirIdentityRelationAndADocument() {
		assertThat(refusal(
				() -> ClaimRules.check(
						form(Claimant.HEIR, "claimantName", "李明", "claimantIdNumber", OTHER_ID, "relation", "儿子"), 0),
				"files"))
			.contains("继承证明");
		assertThat(refusal(() -> ClaimRules
			.check(form(Claimant.AGENT, "claimantName", "李明", "claimantIdNumber", OTHER_ID, "relation", "受托律师"), 0),
				"files"))
			.contains("授权委托书");
		assertThat(refusal(
				() -> ClaimRules
					.check(form(Claimant.HEIR, "claimantName", "李明", "claimantIdNumber", "123", "relation", "儿子"), 1),
				"claimantIdNumber"))
			.contains("继承人身份证号不正确");
		assertThat(
				refusal(() -> ClaimRules.check(form(Claimant.AGENT, "claimantIdNumber", OTHER_ID), 1), "claimantName"))
			.isEqualTo("请填写委托代理人姓名");
		ClaimRules.Checked heir = ClaimRules
			.check(form(Claimant.HEIR, "claimantName", "李明", "claimantIdNumber", OTHER_ID, "relation", "儿子"), 1);
		assertThat(heir.claimantIdNumber()).isEqualTo(OTHER_ID);
		assertThat(heir.relation()).isEqualTo("儿子");
	}

	// ---- OneClaimPerWindow

	@Test
	void aSecondClaimInTheSameWindowIsRefusedAndOneInALaterWindowSupplements() {
		assertThat(OneClaimPerWindow.supplementOf(false, null)).isNull();
		assertThat(OneClaimPerWindow.supplementOf(false, 41L)).isEqualTo(41L);
		assertThat(refusal(() -> OneClaimPerWindow.supplementOf(true, null), "idNumber")).contains("本期已登记");
		assertThat(refusal(() -> OneClaimPerWindow.supplementOf(true, 41L), null)).contains("补充登记期间");
	}

	// ---- ClaimMatch

	@Test
	void aClaimIsFoundNotFoundOrDiffersFromTheRegister() {
		assertThat(ClaimMatch.of(100, 10, null, null)).isEqualTo(ClaimMatch.NOT_FOUND);
		assertThat(ClaimMatch.of(100, 10, 100L, 10L)).isEqualTo(ClaimMatch.FOUND);
		assertThat(ClaimMatch.of(100, 10, 101L, 10L)).isEqualTo(ClaimMatch.AMOUNTS_DIFFER);
		assertThat(ClaimMatch.of(100, 10, 100L, 9L)).isEqualTo(ClaimMatch.AMOUNTS_DIFFER);
		assertThat(ClaimMatch.of(100, 0, 100L, null)).isEqualTo(ClaimMatch.FOUND);
	}

	// ---- ClearanceRatio

	@Test
	void theClearanceRatioIsRealisedOverAcceptedLossRoundedDownAndAtMostAHundred() {
		assertThat(ClearanceRatio.of(0, 0)).isEqualTo("—");
		assertThat(ClearanceRatio.of(500, 0)).isEqualTo("—");
		assertThat(ClearanceRatio.of(1, 3)).isEqualTo("33.33%");
		assertThat(ClearanceRatio.of(2, 3)).isEqualTo("66.66%");
		assertThat(ClearanceRatio.of(3, 3)).isEqualTo("100.00%");
		assertThat(ClearanceRatio.of(9_000_000_000L, 3)).isEqualTo("100.00%");
		assertThat(ClearanceRatio.of(0, 3)).isEqualTo("0.00%");
	}

	// ---- ClaimWindowRules

	@Test
	void aWindowNeedsANoticeAndAPeriodNotInThePastAndNoOtherOpen() {
		LocalDate today = LocalDate.of(2026, 12, 7);
		ClaimWindowRules.check(today, today.plusDays(30), "请携带身份证", false, today);
		assertThat(refusal(() -> ClaimWindowRules.check(today.minusDays(9), today.minusDays(1), "公告", false, today),
				"closesOn"))
			.isEqualTo("截止日期不能早于今天");
		assertThat(refusal(() -> ClaimWindowRules.check(today.plusDays(5), today.plusDays(1), "公告", false, today),
				"closesOn"))
			.isEqualTo("截止日期不能早于开始日期");
		assertThat(refusal(() -> ClaimWindowRules.check(today, today.plusDays(400), "公告", false, today), "closesOn"))
			.isEqualTo("登记期限不能超过一年");
		assertThat(refusal(() -> ClaimWindowRules.check(today, today.plusDays(3), " ", false, today), "notice"))
			.isEqualTo("请填写登记公告");
		assertThat(refusal(() -> ClaimWindowRules.check(null, null, "公告", false, today), "opensOn"))
			.isEqualTo("请填写开始日期");
		assertThat(refusal(() -> ClaimWindowRules.check(today, today.plusDays(3), "公告", true, today), "_"))
			.contains("未关闭的登记窗口");
	}

	@Test
	void aWindowTakesClaimsFromItsFirstToItsLastDayUnlessClosed() {
		LocalDate d = LocalDate.of(2026, 12, 7);
		assertThat(ClaimWindowRules.accepting(d, d, false, d)).isTrue();
		assertThat(ClaimWindowRules.accepting(d.plusDays(1), d.plusDays(3), false, d)).isFalse();
		assertThat(ClaimWindowRules.accepting(d.minusDays(3), d.minusDays(1), false, d)).isFalse();
		assertThat(ClaimWindowRules.accepting(d.minusDays(3), d.plusDays(1), true, d)).isFalse();
	}

	// ---- ThreeUnifiedTwoSeparate

	static final String LEAD = "620422100000";

	static final List<String> INVOLVED = List.of("620422102000", "620502000000");

	@Test
	void aUnifiedDutyGoesToTheLeadAnInvolvedRegionOrTheirCommonSuperior() {
		ThreeUnifiedTwoSeparate.check(Duty.COMMAND, LEAD, LEAD, INVOLVED);
		ThreeUnifiedTwoSeparate.check(Duty.ASSET_POLICY, "620502000000", LEAD, INVOLVED);
		// 甘肃省 lies above 会宁县 and 天水市 alike
		ThreeUnifiedTwoSeparate.check(Duty.REQUIREMENTS, "620000000000", LEAD, INVOLVED);
		// 白银市 does not lie above 天水市
		assertThat(refusal(() -> ThreeUnifiedTwoSeparate.check(Duty.COMMAND, "620400000000", LEAD, INVOLVED), null))
			.isEqualTo("统一指挥协调只能由主办地、涉及地或它们的共同上级承担");
		assertThat(ThreeUnifiedTwoSeparate.commonSuperior("620000000000", LEAD, INVOLVED)).isTrue();
		assertThat(ThreeUnifiedTwoSeparate.commonSuperior("620422000000", LEAD, INVOLVED)).isFalse();
	}

	@Test
	void aSeparateDutyStaysWithTheRegionsThemselves() {
		ThreeUnifiedTwoSeparate.check(Duty.INVESTIGATION, "620502000000", LEAD, INVOLVED);
		ThreeUnifiedTwoSeparate.check(Duty.STABILITY, LEAD, LEAD, INVOLVED);
		assertThat(refusal(() -> ThreeUnifiedTwoSeparate.check(Duty.STABILITY, "620000000000", LEAD, INVOLVED), null))
			.isEqualTo("分别落实维稳属地责任由各涉及地分别承担，只能选择主办地或涉及地");
		assertThat(refusal(() -> ThreeUnifiedTwoSeparate.check(null, LEAD, LEAD, INVOLVED), "duty")).isEqualTo("请选择职责");
		assertThat(refusal(() -> ThreeUnifiedTwoSeparate.check(Duty.COMMAND, "62", LEAD, INVOLVED), "regionCode"))
			.isEqualTo("请选择承担职责的地区");
	}

}
