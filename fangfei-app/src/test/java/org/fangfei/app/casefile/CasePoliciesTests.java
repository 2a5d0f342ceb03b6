package org.fangfei.app.casefile;

import java.time.LocalDate;
import java.util.List;

import org.fangfei.app.clue.CriminalThresholds;
import org.fangfei.app.shared.Rejected;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The case module's named policies: {@link StagesInOrder}, {@link KeyCaseRules},
 * {@link Targets004}, and the grading by the clue module's {@link CriminalThresholds}.
 */
class CasePoliciesTests {

	static final LocalDate TODAY = LocalDate.of(2026, 12, 7);

	static StageEntry entry(CaseStage stage, LocalDate on) {
		return new StageEntry(stage, on, "会公立字〔2026〕1号", "会宁县公安局", null);
	}

	@Test
	void aCaseMovesOneStageAtATimeAlongItsPath() {
		LocalDate filed = TODAY.minusDays(30);
		assertThat(StagesInOrder.check(CasePath.CRIMINAL, CaseStage.FILED, filed, entry(CaseStage.INVESTIGATION, TODAY),
				TODAY))
			.isEqualTo(CasePath.CRIMINAL);
		assertThatThrownBy(() -> StagesInOrder.check(CasePath.CRIMINAL, CaseStage.FILED, filed,
				entry(CaseStage.TRIAL, TODAY), TODAY))
			.isInstanceOf(Rejected.class)
			.hasMessageContaining("下一阶段应为“侦查”");
		assertThatThrownBy(() -> StagesInOrder.check(CasePath.ADMINISTRATIVE, CaseStage.ADMIN_INVESTIGATION, filed,
				entry(CaseStage.INVESTIGATION, TODAY), TODAY))
			.hasMessageContaining("下一阶段应为“认定”");
		// each path ends in 清退 then 结案
		for (CasePath path : CasePath.values()) {
			List<CaseStage> stages = path.stages();
			assertThat(stages.subList(stages.size() - 2, stages.size())).containsExactly(CaseStage.REFUND,
					CaseStage.CLOSED);
			for (int i = 0; i + 1 < stages.size(); i++) {
				assertThat(StagesInOrder.check(path, stages.get(i), filed, entry(stages.get(i + 1), TODAY), TODAY))
					.isEqualTo(path);
			}
		}
	}

	@Test
	void closingAndTransferringToThePoliceLeaveTheOrder() {
		LocalDate on = TODAY.minusDays(3);
		assertThat(StagesInOrder.check(CasePath.CRIMINAL, CaseStage.INVESTIGATION, on, entry(CaseStage.CLOSED, TODAY),
				TODAY))
			.isEqualTo(CasePath.CRIMINAL);
		assertThat(StagesInOrder.check(CasePath.ADMINISTRATIVE, CaseStage.ADMIN_DETERMINATION, on,
				entry(CaseStage.FILED, TODAY), TODAY))
			.isEqualTo(CasePath.CRIMINAL);
		assertThatThrownBy(() -> StagesInOrder.check(CasePath.CRIMINAL, CaseStage.CLOSED, on,
				entry(CaseStage.REFUND, TODAY), TODAY))
			.hasMessage("案件已结案，不能再变更阶段");
	}

	@Test
	void datesDocumentsAndUnitsAreChecked() {
		LocalDate on = TODAY.minusDays(3);
		assertThatThrownBy(() -> StagesInOrder.check(CasePath.CRIMINAL, CaseStage.FILED, on,
				entry(CaseStage.INVESTIGATION, TODAY.plusDays(1)), TODAY))
			.hasMessageContaining("日期不能晚于今天");
		assertThatThrownBy(() -> StagesInOrder.check(CasePath.CRIMINAL, CaseStage.FILED, on,
				entry(CaseStage.INVESTIGATION, on.minusDays(1)), TODAY))
			.hasMessageContaining("日期不能早于上一阶段“立案”的日期");
		Rejected refused = (Rejected) org.assertj.core.api.Assertions
			.catchThrowable(() -> StagesInOrder.check(CasePath.CRIMINAL, CaseStage.FILED, on,
					new StageEntry(CaseStage.INVESTIGATION, TODAY, " ", null, null), TODAY));
		assertThat(refused.fieldErrors()).containsEntry("docNumber", "请填写文书编号").containsEntry("unit", "请填写办理单位");
	}

	@Test
	void keyCasesByRule() {
		assertThat(KeyCaseRules.reasons(facts(null, 99_999_999_99L, 999, null, null, false), TODAY)).isEmpty();
		assertThat(KeyCaseRules.reasons(facts(null, 100_000_000_00L, null, null, null, false), TODAY))
			.containsExactly("涉案金额亿元以上");
		assertThat(KeyCaseRules.reasons(facts(null, null, 1000, null, null, false), TODAY))
			.containsExactly("集资参与人千人以上");
		assertThat(KeyCaseRules.reasons(facts(null, null, null, TODAY.minusYears(5), null, false), TODAY))
			.containsExactly("刑事立案5年以上");
		assertThat(KeyCaseRules.reasons(facts(null, null, null, TODAY.minusYears(5).plusDays(1), null, false), TODAY))
			.isEmpty();
		assertThat(KeyCaseRules.reasons(facts("省领导批示", null, null, null, "多次集访", true), TODAY)).containsExactly("领导批示",
				"信访矛盾突出或涉稳隐患", "重大跨区域");
	}

	static KeyCaseRules.Facts facts(String instruction, Long amount, Integer people, LocalDate filed, String risk,
			boolean crossProvince) {
		return new KeyCaseRules.Facts(instruction, amount, people, filed, risk, crossProvince);
	}

	@Test
	void targetsOf004() {
		LocalDate filed = TODAY.minusYears(3).minusDays(1);
		List<Targets004.Target> targets = Targets004.of(new Targets004.Facts(CasePath.CRIMINAL, CaseStage.TRIAL, filed,
				filed, false, false, filed.plusYears(1), null), TODAY);
		assertThat(targets).extracting(Targets004.Target::standing)
			.containsExactly(Targets004.Standing.MISSED, Targets004.Standing.DUE, Targets004.Standing.MISSED);
		assertThat(targets.get(2).due()).isEqualTo(filed.plusYears(2));
		List<Targets004.Target> met = Targets004.of(new Targets004.Facts(CasePath.CRIMINAL, CaseStage.CLOSED,
				TODAY.minusYears(1), TODAY.minusYears(1), true, true, TODAY.minusMonths(6), TODAY.minusMonths(1)),
				TODAY);
		assertThat(met).extracting(Targets004.Target::standing).containsOnly(Targets004.Standing.MET);
		// an administrative case has no trial target
		assertThat(Targets004.of(
				new Targets004.Facts(CasePath.ADMINISTRATIVE, CaseStage.PENALTY, TODAY, null, false, false, null, null),
				TODAY))
			.hasSize(2);
	}

	@Test
	void gradedByThe2022InterpretationThroughTheClueModulesThresholds() {
		assertThat(CriminalThresholds.tier(null, null, null)).isEqualTo(CriminalThresholds.Tier.BELOW);
		assertThat(CriminalThresholds.tier(99_999_999L, 149, 49_999_999L)).isEqualTo(CriminalThresholds.Tier.BELOW);
		assertThat(CriminalThresholds.tier(1_000_000_00L, null, null)).isEqualTo(CriminalThresholds.Tier.CRIMINAL);
		assertThat(CriminalThresholds.tier(null, 150, null)).isEqualTo(CriminalThresholds.Tier.CRIMINAL);
		assertThat(CriminalThresholds.tier(null, null, 500_000_00L)).isEqualTo(CriminalThresholds.Tier.CRIMINAL);
		assertThat(CriminalThresholds.tier(5_000_000_00L, null, null)).isEqualTo(CriminalThresholds.Tier.LARGE);
		assertThat(CriminalThresholds.tier(null, 500, null)).isEqualTo(CriminalThresholds.Tier.LARGE);
		assertThat(CriminalThresholds.tier(null, null, 2_500_000_00L)).isEqualTo(CriminalThresholds.Tier.LARGE);
		assertThat(CriminalThresholds.tier(50_000_000_00L, null, null)).isEqualTo(CriminalThresholds.Tier.HUGE);
		assertThat(CriminalThresholds.tier(null, 5000, null)).isEqualTo(CriminalThresholds.Tier.HUGE);
		assertThat(CriminalThresholds.tier(null, null, 25_000_000_00L)).isEqualTo(CriminalThresholds.Tier.HUGE);
		assertThat(CriminalThresholds.tier(null, 4999, 24_999_999_99L)).isEqualTo(CriminalThresholds.Tier.LARGE);
	}

}
