package org.fangfei.app.monitoring;

/**
 * Where an upload is: waiting for its column mapping, queued, running, done or failed.
 */
enum BatchStatus {

	MAPPING("待确认列对应"), QUEUED("排队中"), RUNNING("处理中"), DONE("已完成"), FAILED("失败");

	private final String label;

	BatchStatus(String label) {
		this.label = label;
	}

	public String label() {
		return this.label;
	}

	public boolean finished() {
		return this == DONE || this == FAILED;
	}

}
