# Choosing the language and the time zone (the switch at the foot of every
# page, and the signed-in user's preferences page).
language-switch-label = Language
language-switch-submit = Change
# { $zone } is an IANA time zone name such as Europe/Warsaw, or UTC.
times-shown-in = Times are shown in { $zone }.
preferences-title = Language and time zone
preferences-language = Language
preferences-language-browser = As my browser asks
preferences-time-zone = Time zone
preferences-save = Save
preferences-saved = Your language and time zone are saved.
preferences-error-language = Choose one of the languages offered.
preferences-error-time-zone = Choose one of the time zones offered.
