package org.fangfei.app.building;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/**
 * What a user types to add or edit a building.
 */
record BuildingForm(@NotBlank(message = "请填写楼宇名称") @Size(max = 100, message = "楼宇名称不能超过100个字") String name,
		@NotNull(message = "请选择楼宇类型") BuildingKind kind,
		@NotBlank(message = "请填写地址") @Size(max = 300, message = "地址不能超过300个字") String address,
		@NotBlank(message = "请填写所属区划代码") @Pattern(regexp = "[0-9]{12}", message = "区划代码应为12位数字") String regionCode,
		Long gridId,
		@Min(value = 1, message = "楼层数应在1到200之间") @Max(value = 200, message = "楼层数应在1到200之间") Integer floors,
		@Size(max = 1000, message = "备注不能超过1000个字") String notes) {

	static BuildingForm blank(String regionCode) {
		return new BuildingForm("", BuildingKind.OFFICE, "", regionCode == null ? "" : regionCode, null, null, "");
	}

	static BuildingForm of(Building b) {
		return new BuildingForm(b.name(), b.kind(), b.address(), b.regionCode(), b.gridId(), b.floors(), b.notes());
	}

}
