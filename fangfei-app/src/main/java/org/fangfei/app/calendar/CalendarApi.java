package org.fangfei.app.calendar;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.fangfei.app.shared.Rejected;

import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.http.HttpStatus;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/**
 * The holiday table and working-day arithmetic as JSON, with the same permissions as the
 * page. Writes need the session's CSRF token in the {@code X-CSRF-TOKEN} header.
 */
@RestController
@RequestMapping("/api/v1/calendar")
@Tag(name = "工作日历", description = "节假日表（放假、调休上班）与工作日计算")
class CalendarApi {

	/** About ten years of working days; more is a mistake, not a deadline. */
	static final int MAX_ADD = 2500;

	private final Holidays holidays;

	private final WorkCalendar calendar;

	CalendarApi(Holidays holidays, WorkCalendar calendar) {
		this.holidays = holidays;
		this.calendar = calendar;
	}

	@GetMapping("/holidays")
	@PreAuthorize("hasAuthority('system:calendar:view')")
	@Operation(summary = "一年的节假日表", description = "该年的放假日(HOLIDAY)和调休上班日(WORKDAY)，按日期排序；未录入的年份为空列表。")
	List<Holiday> holidays(@Parameter(example = "2026") @RequestParam int year) {
		return this.holidays.ofYear(year);
	}

	@PutMapping("/holidays/{date}")
	@PreAuthorize("hasAuthority('system:calendar:edit')")
	@Operation(summary = "新增或修改一天", description = "kind 为 HOLIDAY(放假) 或 WORKDAY(调休上班，只能是周六或周日)；已有则覆盖。")
	Holiday put(@Parameter(example = "2026-10-01") @PathVariable String date, @RequestBody HolidayForm form,
			Authentication auth) {
		return this.holidays.save(date, form.kind(), form.name(), auth.getName());
	}

	@DeleteMapping("/holidays/{date}")
	@ResponseStatus(HttpStatus.NO_CONTENT)
	@PreAuthorize("hasAuthority('system:calendar:edit')")
	@Operation(summary = "删除一天", description = "删除后该日按星期计算：周一至周五上班，周六、周日休息。")
	void delete(@Parameter(example = "2026-10-01") @PathVariable String date) {
		this.holidays.delete(date);
	}

	@GetMapping("/working-days")
	@PreAuthorize("hasAuthority('system:calendar:view')")
	@Operation(summary = "若干个工作日之后的日期", description = "from 当天不计；add = 0 时为 from 当天（若是工作日）或其后第一个工作日。")
	WorkingDate workingDays(@Parameter(example = "2026-09-28") @RequestParam @DateTimeFormat(
			iso = DateTimeFormat.ISO.DATE) LocalDate from, @Parameter(example = "5") @RequestParam int add) {
		if (add < 0 || add > MAX_ADD) {
			throw new Rejected("add 应在 0 到 " + MAX_ADD + " 之间", Map.of("add", "应在 0 到 " + MAX_ADD + " 之间"));
		}
		HolidayRules.checkYear(from.getYear());
		return new WorkingDate(this.calendar.plusWorkingDays(from, add));
	}

}
