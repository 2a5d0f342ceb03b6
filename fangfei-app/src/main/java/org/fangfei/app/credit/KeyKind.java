package org.fangfei.app.credit;

/** What a department asks the list by. */
public enum KeyKind {

	NAME("名称"), CREDIT_CODE("统一社会信用代码"), ID_NUMBER("身份证号码");

	private final String label;

	KeyKind(String label) {
		this.label = label;
	}

	public String label() {
		return this.label;
	}

}
