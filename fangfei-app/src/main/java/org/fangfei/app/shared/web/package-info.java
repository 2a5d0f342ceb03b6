/**
 * Web plumbing shared by all pages and the API: error answers.
 */
package org.fangfei.app.shared.web;
