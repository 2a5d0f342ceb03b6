package org.fangfei.app.campaign;

import java.time.LocalDate;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import org.springframework.format.annotation.DateTimeFormat;

/**
 * What a user types to start a sweep campaign.
 */
record SweepForm(@NotBlank(message = "请填写行动名称") @Size(max = 100, message = "行动名称不能超过100个字") String name,
		@NotBlank(message = "请填写所属区划代码") @Pattern(regexp = "[0-9]{12}", message = "区划代码应为12位数字") String regionCode,
		@NotNull(message = "请填写开始日期") @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate startsOn,
		@NotNull(message = "请填写结束日期") @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate endsOn) {
}
