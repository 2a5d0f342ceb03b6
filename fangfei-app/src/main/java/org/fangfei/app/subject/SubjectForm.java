package org.fangfei.app.subject;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/**
 * What a user types to register (建档立卡) or edit a subject. On edit, a blank ID number
 * keeps the stored one.
 */
public record SubjectForm(@NotNull(message = "请选择主体类型") SubjectKind kind,
		@NotBlank(message = "请填写名称") @Size(max = 200, message = "名称不能超过200个字") String name,
		@Size(max = 30, message = "统一社会信用代码应为18位") String creditCode,
		@Size(max = 30, message = "身份证号应为18位") String idNumber,
		@Size(max = 50, message = "法定代表人不能超过50个字") String legalRepresentative,
		@Size(max = 300, message = "注册地址不能超过300个字") String registeredAddress,
		@Size(max = 300, message = "实际经营地址不能超过300个字") String businessAddress, Long buildingId,
		@Size(max = 50, message = "楼层房号不能超过50个字") String unit,
		@NotBlank(message = "请填写所属区划代码") @Pattern(regexp = "[0-9]{12}", message = "区划代码应为12位数字") String regionCode,
		Long gridId, String sectorCode, String schemeCode, RiskLevel riskLevel,
		@NotNull(message = "请选择状态") SubjectStatus status,
		@Size(max = 2000, message = "经营范围不能超过2000个字") String businessScope,
		@Size(max = 2000, message = "备注不能超过2000个字") String notes) {

	public static SubjectForm blank() {
		return new SubjectForm(SubjectKind.ENTERPRISE, "", "", "", "", "", "", null, "", "", null, null, null, null,
				SubjectStatus.WATCHING, "", "");
	}

}
