package org.fangfei.app.campaign;

import java.time.LocalDate;
import java.util.List;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import org.springframework.format.annotation.DateTimeFormat;

/**
 * What an office user types on the campaign pages.
 */
final class CampaignForms {

	private CampaignForms() {
	}

	/** A campaign's header: copying the template takes one too. */
	record Header(@NotBlank(message = "请填写行动名称") @Size(max = 200, message = "行动名称不能超过200个字") String name,
			@Size(max = 200, message = "文号不能超过200个字") String document,
			@NotNull(message = "请填写开始日期") @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate startsOn,
			@NotNull(message = "请填写结束日期") @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate endsOn) {

		static Header of(Campaign c) {
			return new Header(c.name(), c.document(), c.startsOn(), c.endsOn());
		}

	}

	/** A phase. */
	record PhaseForm(@NotBlank(message = "请填写阶段名称") @Size(max = 100, message = "阶段名称不能超过100个字") String name,
			@NotNull(message = "请填写阶段开始日期") @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate startsOn,
			@NotNull(message = "请填写阶段结束日期") @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate endsOn,
			@Size(max = 500, message = "阶段说明不能超过500个字") String note) {
	}

	/**
	 * A task: its group, text, how often it reports, and its units as choice keys
	 * ({@code R:}/{@code D:}) plus lead units written by name that the county does not
	 * have (separated by 、).
	 */
	record TaskForm(
			@NotNull(message = "请填写任务类别序号") @Min(value = 1, message = "任务类别序号应为1至99") @Max(value = 99,
					message = "任务类别序号应为1至99") Integer groupNo,
			@NotBlank(message = "请填写任务类别") @Size(max = 100, message = "任务类别不能超过100个字") String groupName,
			@NotBlank(message = "请填写任务名称") @Size(max = 200, message = "任务名称不能超过200个字") String title,
			@Size(max = 4000, message = "任务内容不能超过4000个字") String body, @NotNull(message = "请选择报送周期") Period period,
			@Min(value = 1, message = "报送日应为每月1至28日") @Max(value = 28, message = "报送日应为每月1至28日") Integer dueDay,
			@DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate dueOn, List<String> leadKeys,
			@Size(max = 100, message = "牵头单位名称不能超过100个字") String leadWritten, List<String> assistKeys) {

		static TaskForm blank() {
			return new TaskForm(null, "", "", "", Period.QUARTERLY, 5, null, List.of(), "", List.of());
		}

		static TaskForm of(Campaign.Task t) {
			return new TaskForm(t.groupNo(), t.groupName(), t.title(), t.body(), t.period(), t.dueDay(), t.dueOn(),
					t.leads().stream().filter(Campaign.Unit::mapped).map(Campaign.Unit::key).toList(),
					String.join("、", t.leads().stream().filter(u -> !u.mapped()).map(Campaign.Unit::name).toList()),
					t.assisting().stream().filter(Campaign.Unit::mapped).map(Campaign.Unit::key).toList());
		}

		public List<String> leads() {
			return this.leadKeys == null ? List.of() : this.leadKeys;
		}

		public List<String> assists() {
			return this.assistKeys == null ? List.of() : this.assistKeys;
		}

		public List<String> writtenLeads() {
			if (this.leadWritten == null || this.leadWritten.isBlank()) {
				return List.of();
			}
			return java.util.Arrays.stream(this.leadWritten.split("[、,，]"))
				.map(String::strip)
				.filter(s -> !s.isEmpty())
				.toList();
		}

	}

}
