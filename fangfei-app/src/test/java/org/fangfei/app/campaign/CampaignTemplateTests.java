package org.fangfei.app.campaign;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * 004's campaign as transcribed: five phases with their dates, 30 tasks numbered 1–30 in
 * 11 groups, the units written after each task with the first as lead; and how a period's
 * reports fall due.
 */
class CampaignTemplateTests {

	@Test
	void theTemplateHoldsFivePhasesAnd30TasksIn11Groups() {
		assertThat(CampaignTemplate.PHASES).extracting(CampaignTemplate.Phase::name)
			.containsExactly("部署发动阶段", "风险排查阶段", "打击处置阶段", "建章立制阶段", "巩固提升阶段");
		assertThat(CampaignTemplate.PHASES.get(2).startsOn()).isEqualTo(LocalDate.of(2024, 9, 1));
		assertThat(CampaignTemplate.PHASES.get(4).endsOn()).isEqualTo(LocalDate.of(2025, 12, 31));
		assertThat(CampaignTemplate.TASKS).extracting(CampaignTemplate.Task::seq)
			.containsExactlyElementsOf(java.util.stream.IntStream.rangeClosed(1, 30).boxed().toList());
		Map<Integer, String> groups = CampaignTemplate.TASKS.stream()
			.collect(Collectors.toMap(CampaignTemplate.Task::groupNo, CampaignTemplate.Task::groupName, (a, b) -> a,
					TreeMap::new));
		assertThat(groups).hasSize(11).containsEntry(1, "开展大排查大起底").containsEntry(11, "开展指导督导");
		assertThat(task(18).units()).containsExactly("区公安分局");
		assertThat(task(18).title()).isEqualTo("保持刑事打击主动性");
		assertThat(task(16).units()).containsExactly("区政法委", "区公安分局", "区财政金融局", "各街道");
		assertThat(task(2).units()).containsExactly("各街道");
		assertThat(task(21).units()).endsWith("涉案街道");
		assertThat(task(1).body()).startsWith("按照“管合法更要管非法”");
		assertThat(CampaignTemplate.TASKS).allSatisfy(t -> assertThat(t.units()).isNotEmpty());
	}

	@Test
	void periodsFallDueOnTheirDayOfTheNextMonth() {
		List<Period.Slot> months = Period.MONTHLY.slots(LocalDate.of(2024, 7, 1), LocalDate.of(2024, 9, 15), 5, null);
		assertThat(months).extracting(Period.Slot::key).containsExactly("2024-07", "2024-08", "2024-09");
		assertThat(months.get(0).dueOn()).isEqualTo(LocalDate.of(2024, 8, 5));
		List<Period.Slot> quarters = Period.QUARTERLY.slots(LocalDate.of(2024, 7, 1), LocalDate.of(2025, 1, 31), 10,
				null);
		assertThat(quarters).extracting(Period.Slot::key).containsExactly("2024-Q3", "2024-Q4", "2025-Q1");
		assertThat(quarters.get(1).dueOn()).isEqualTo(LocalDate.of(2025, 1, 10));
		assertThat(
				Period.ONCE.slots(LocalDate.of(2024, 7, 1), LocalDate.of(2024, 12, 31), 5, LocalDate.of(2024, 7, 10)))
			.singleElement()
			.satisfies(s -> assertThat(s.dueOn()).isEqualTo(LocalDate.of(2024, 7, 10)));
	}

	@Test
	void figuresAreNameNumberLinesAndAnythingElseIsRefusedInChinese() {
		assertThat(Figures.parse("排查主体：120\n发现线索:3\n")).extracting(Figures.Figure::value).containsExactly(120L, 3L);
		assertThat(Figures.parse("  ")).isEmpty();
		for (String[] bad : new String[][] { { "排查主体 120", "数据第1行格式应为" }, { "排查主体：-3", "数据第1行格式应为" },
				{ "a：1\n：2", "数据第2行格式应为" }, { "a：1\na：2", "数据“a”重复填写" },
				{ "一二三四五六七八九十一二三四五六七八九十一二三四五六七八九十一二三四五六七八九十一二三四五六七八九十一：1", "名称不能超过50个字" },
				{ "a：1\nb：1\nc：1\nd：1\ne：1\nf：1\ng：1\nh：1\ni：1\nj：1\nk：1", "数据最多填写10项" } }) {
			org.assertj.core.api.Assertions.assertThatThrownBy(() -> Figures.parse(bad[0]))
				.hasMessageContaining(bad[1]);
		}
	}

	private static CampaignTemplate.Task task(int seq) {
		return CampaignTemplate.TASKS.stream().filter(t -> t.seq() == seq).findFirst().orElseThrow();
	}

}
