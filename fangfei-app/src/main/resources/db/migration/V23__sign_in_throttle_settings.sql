-- Sign-in failures no longer lock an account by its name (issue 12, item 11): the two lockout
-- settings keep their keys and now govern a pause of one address for one account
-- (security.SignInThrottle). Only the labels shown on the settings page change.
update setting set label = '同一地址对同一账号允许连续登录失败的次数' where key = 'lockout.max-failures';
update setting set label = '超过后该地址对该账号暂停登录的时长(分钟)' where key = 'lockout.minutes';
