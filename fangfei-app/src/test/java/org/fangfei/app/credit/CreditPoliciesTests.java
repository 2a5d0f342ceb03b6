package org.fangfei.app.credit;

import java.time.LocalDate;
import java.util.Set;

import org.fangfei.app.casefile.CaseStage;
import org.fangfei.app.clue.MeasureKind;
import org.fangfei.app.shared.Actor;
import org.fangfei.app.shared.DataScope;
import org.fangfei.app.shared.Rejected;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import org.springframework.security.access.AccessDeniedException;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The credit list's rules, each on its own: what lists, for how long, who repairs. */
class CreditPoliciesTests {

	@ParameterizedTest
	@EnumSource(CaseStage.class)
	void onlyThePenaltyAndTheExecutionOfAJudgmentList(CaseStage stage) {
		assertThat(ListingBasis.ofStage(stage)).isEqualTo(switch (stage) {
			case PENALTY -> java.util.Optional.of(BasisKind.ADMIN_PENALTY);
			case ENFORCEMENT -> java.util.Optional.of(BasisKind.CRIMINAL_JUDGMENT);
			default -> java.util.Optional.empty();
		});
	}

	@ParameterizedTest
	@EnumSource(MeasureKind.class)
	void onlyAnAdministrativePenaltyAmongTheMeasuresLists(MeasureKind kind) {
		assertThat(ListingBasis.ofMeasure(kind).isPresent()).isEqualTo(kind == MeasureKind.ADMIN_PENALTY);
	}

	@Test
	void thePeriodCountsWholeYearsFromTheBasisAndEndsOnItsLastDay() {
		LocalDate basis = LocalDate.of(2024, 2, 29);
		assertThat(ListingPeriod.expiresOn(basis, 3)).isEqualTo(LocalDate.of(2027, 2, 28));
		assertThat(ListingPeriod.due(LocalDate.of(2027, 2, 28), LocalDate.of(2027, 2, 27))).isFalse();
		assertThat(ListingPeriod.due(LocalDate.of(2027, 2, 28), LocalDate.of(2027, 2, 28))).isTrue();
		assertThatThrownBy(() -> ListingPeriod.expiresOn(basis, 0)).isInstanceOf(Rejected.class)
			.hasMessage("列入期限应为 1 到 10 年");
		assertThatThrownBy(() -> ListingPeriod.expiresOn(basis, 11)).isInstanceOf(Rejected.class);
	}

	@Test
	void anApplicationNeedsAReasonAndADocument() {
		assertThatThrownBy(() -> RepairNeedsOfficeHead.checkApplication(" ", null)).isInstanceOf(Rejected.class)
			.hasMessage("请填写修复理由；请填写证明材料的文书编号");
		assertThatThrownBy(() -> RepairNeedsOfficeHead.checkApplication("x".repeat(1001), "文号"))
			.hasMessage("修复理由不能超过1000字");
		RepairNeedsOfficeHead.checkApplication("已退赔", "会金证〔2026〕1号");
	}

	@Test
	void onlyTheOfficeHeadDecidesAndNeverOnTheirOwnApplication() {
		Actor head = actor("chief", "OFFICE_HEAD", RepairNeedsOfficeHead.APPROVE);
		Actor staff = actor("office", "OFFICE", RepairNeedsOfficeHead.APPROVE);
		assertThatThrownBy(() -> RepairNeedsOfficeHead.checkDecision(staff, "someone", true, null))
			.isInstanceOf(AccessDeniedException.class)
			.hasMessage("信用修复须由处非办负责人审批");
		assertThatThrownBy(() -> RepairNeedsOfficeHead.checkDecision(head, "chief", true, null))
			.isInstanceOf(Rejected.class)
			.hasMessage("不能审批本人提出的信用修复申请");
		assertThatThrownBy(() -> RepairNeedsOfficeHead.checkDecision(head, "office", false, " "))
			.hasMessage("不予修复须说明理由");
		RepairNeedsOfficeHead.checkDecision(head, "office", true, null);
		RepairNeedsOfficeHead.checkDecision(head, "office", false, "材料不全");
	}

	private static Actor actor(String username, String role, String permission) {
		return new Actor(1, username, username, "620422000000", null, true, Set.of(role), Set.of(permission),
				DataScope.jurisdiction("620422000000"));
	}

}
