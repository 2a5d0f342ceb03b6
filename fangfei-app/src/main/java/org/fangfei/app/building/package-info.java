/**
 * Buildings and building sweeps (楼宇 / 扫楼): the ledger of office buildings, commercial
 * premises and apartment blocks at risk with their tenant subjects, the sweeps several
 * units make of them together, sweep campaigns (专项扫楼行动), and which buildings are still
 * unswept this month.
 */
package org.fangfei.app.building;
