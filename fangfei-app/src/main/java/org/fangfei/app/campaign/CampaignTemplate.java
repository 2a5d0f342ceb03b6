package org.fangfei.app.campaign;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * The 2024–25 campaign of seed 004 (枣高管办发〔2024〕8号, 枣庄高新区打击非法集资专项行动方案) as a template: its
 * five phases with their dates and its 30 tasks in 11 groups with the units as written
 * there. The tasks are read from {@code campaign/template-004.tsv}, transcribed from the
 * document; the first unit written after a task is taken as its lead unit (牵头单位) and the
 * others as assisting units (配合单位). How often each task reports is this template's choice
 * (docs/campaigns.md): monthly where 004 asks for monthly figures, once for a mechanism
 * or a booklet, quarterly otherwise.
 */
final class CampaignTemplate {

	static final String NAME = "打击非法集资专项行动";

	static final String DOCUMENT = "枣高管办发〔2024〕8号";

	static final LocalDate STARTS = LocalDate.of(2024, 7, 1);

	static final LocalDate ENDS = LocalDate.of(2025, 12, 31);

	/** A phase of the template. */
	record Phase(String name, LocalDate startsOn, LocalDate endsOn, String note) {
	}

	/** A task of the template, with its units as written. */
	record Task(int groupNo, String groupName, int seq, String title, Period period, List<String> units, String body) {
	}

	static final List<Phase> PHASES = List.of(
			new Phase("部署发动阶段", LocalDate.of(2024, 7, 1), LocalDate.of(2024, 7, 10), "2024年7月上旬；7月10日前报专班组建情况和联络员信息"),
			new Phase("风险排查阶段", LocalDate.of(2024, 7, 11), LocalDate.of(2024, 8, 31),
					"2024年7月中旬至8月集中排查，之后转入常态化；每月5日前报动态管理台账"),
			new Phase("打击处置阶段", LocalDate.of(2024, 9, 1), LocalDate.of(2025, 12, 31),
					"2024年9月至2025年12月；每月5日前报案件(风险)处置情况"),
			new Phase("建章立制阶段", LocalDate.of(2024, 10, 1), LocalDate.of(2025, 12, 31), "2024年10月至2025年12月"), new Phase(
					"巩固提升阶段", LocalDate.of(2025, 6, 1), LocalDate.of(2025, 12, 31), "2025年6月至2025年12月；开展风险隐患排查“回头看”"));

	static final List<Task> TASKS = load();

	private CampaignTemplate() {
	}

	private static List<Task> load() {
		try (InputStream in = CampaignTemplate.class.getResourceAsStream("/campaign/template-004.tsv")) {
			List<Task> tasks = new ArrayList<>();
			for (String line : new String(in.readAllBytes(), StandardCharsets.UTF_8).split("\n")) {
				if (line.isBlank()) {
					continue;
				}
				String[] f = line.split("\t", -1);
				tasks.add(new Task(Integer.parseInt(f[0]), f[1], Integer.parseInt(f[2]), f[3], Period.valueOf(f[4]),
						Arrays.asList(f[5].split("、")), f[6]));
			}
			return List.copyOf(tasks);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

}
