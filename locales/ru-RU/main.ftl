## Сообщения портала на русском языке. Каждая строка, которую видит пользователь, берется отсюда.

app-name = Портал ПО для CSP
skip-to-content = Перейти к содержимому
nav-label = Главное меню
nav-home = Главная
nav-customers = Клиенты
nav-partners = Партнеры
sign-out = Выйти
cancel = Отмена
save = Сохранить
search = Найти
search-clear = Сбросить поиск
list-or = {" или "}
list-comma = {", "}
footer-request-id = Идентификатор запроса: { $id }
status-active = Активен
status-deactivated = Деактивирован
pager-label = Страницы
pager-first = Первая страница
pager-next = Следующая страница
pager-previous = Предыдущая страница

## Роли
role-admin-agent = Агент администратора
role-sales-agent = Агент по продажам
role-helpdesk-agent = Агент службы поддержки
role-partner-global-admin = Глобальный администратор
role-customer-global-admin = Глобальный администратор клиента
role-customer-user = Пользователь клиента
role-operator = Оператор

## Вход
sign-in-title = Вход
sign-in-submit = Войти
field-email = Электронная почта
field-password = Пароль
sign-in-missing = Введите адрес электронной почты и пароль.
sign-in-failed = Неверный адрес электронной почты или пароль.
sign-in-throttled = Слишком много неудачных попыток входа в эту учетную запись или из этой сети. Повторите попытку через { $wait }. На устройстве, с которого вы уже входили, можно войти сразу; также можно сбросить пароль.
sign-in-failures-notice = { $count ->
    [one] С момента вашего последнего входа была { $count } неудачная попытка войти в вашу учетную запись. Если это были не вы, смените пароль.
    [few] С момента вашего последнего входа было { $count } неудачные попытки войти в вашу учетную запись. Если это были не вы, смените пароль.
   *[many] С момента вашего последнего входа было { $count } неудачных попыток войти в вашу учетную запись. Если это были не вы, смените пароль.
}
code-throttled = Слишком много неверных кодов. Повторите попытку через { $wait }.
password-throttled = Слишком много неверных паролей. Повторите попытку через { $wait }.
wait-seconds = { $n } с
wait-minutes = { $n } мин
sign-in-signed-out = Вы вышли из системы.

## Главная
home-title = Добро пожаловать
home-signed-in-as = Вы вошли от имени организации { $org }.
home-your-roles = Ваши роли:
home-nothing-yet = Для вашей роли здесь пока ничего нет.
home-partners-hint = Партнеры портала, их клиенты и пользователи.
home-requests-hint = Запросы на обслуживание и отмены, ожидающие решения.
home-catalog-hint = Продукты, файлы для скачивания и остаток ключей.
home-activity-hint = Кто, что и когда сделал.

## Клиенты
customers-title = Клиенты
customers-add = Добавить клиента
customers-search-label = Поиск клиентов
customers-search-placeholder = Название или домен
customers-none = Клиентов пока нет.
customers-none-matching = Нет клиентов, соответствующих запросу «{ $q }».
customer-company-name = Название компании
customer-primary-domain = Основной домен
customer-primary-domain-hint = Например, contoso.onmicrosoft.com
customer-country = Страна
customer-country-choose = Выберите страну
customer-tenant-guid = Идентификатор арендатора
customer-billing-contact = Контакт для выставления счетов
customer-billing-name = Имя
customer-billing-email = Электронная почта
customer-created-at = Создан
customer-new-title = Новый клиент
customer-create-submit = Создать клиента
customer-tenant-guid-generated = Идентификатор арендатора создается автоматически при создании клиента.
customer-created = Клиент { $name } создан.
customer-tabs-label = Клиент
customer-tab-details = Сведения

## Оператор
partners-title = Партнеры
partner-name = Партнер
partner-customers = Клиенты
partner-users = Пользователи
partner-since = Партнер с
partner-status = Состояние

## Формы
form-has-errors = Обнаружены ошибки
error-required = Заполните это поле.
error-too-long = Слишком длинное значение: допускается не более { $max ->
        [one] { $max } символа
        [few] { $max } символов
       *[many] { $max } символов
    }.
form-required-note = Поля, отмеченные *, обязательны для заполнения.
form-required = обязательно
error-control-characters = Поле содержит недопустимые символы.
error-domain-invalid = Введите доменное имя, например contoso.onmicrosoft.com.
error-domain-taken = Этот домен уже используется одним из ваших клиентов.
error-country-invalid = Выберите страну из списка.
error-email-invalid = Введите адрес электронной почты, например name@example.com.

## Подтверждения
confirm-final = Это действие нельзя отменить.

## Страницы ошибок
error-go-home = На главную страницу
error-400-title = Неверный запрос
error-400 = Не удалось обработать запрос. Вернитесь назад и повторите попытку.
error-413-title = Слишком большой запрос
error-form-too-large = Общий размер формы превышает { $limit }. Вернитесь назад, удалите часть вложений и повторите попытку.
error-form-too-many-parts = Форма состоит из более чем { $count ->
        [one] { $count } части
        [few] { $count } частей
       *[many] { $count } частей
    }. Вернитесь назад, обновите страницу и повторите попытку.
error-form-field-too-large = Текстовое поле длиннее { $limit }. Вернитесь назад, сократите текст и повторите попытку.
error-form-text-too-large = Общий объем текстовых полей превышает { $limit }. Вернитесь назад, сократите текст и повторите попытку.
error-403-title = Доступ запрещен
error-403-role = Для доступа к этой странице требуется роль: { $roles }. У вашей учетной записи ее нет; роли назначает глобальный администратор вашей организации.
error-csrf = Срок действия формы истек, или она отправлена не с этого сайта. Вернитесь назад, обновите страницу и повторите попытку.
error-404-title = Страница не найдена
error-404 = Здесь ничего нет, или у вас нет доступа.
error-500-title = Что-то пошло не так
error-500 = Портал не смог выполнить запрос. Повторите попытку; если ошибка повторяется, обратитесь в службу поддержки и укажите идентификатор запроса.
error-503-title = Сервис временно недоступен
error-503 = Портал сейчас не может подключиться к базе данных. Повторите попытку чуть позже.
error-busy = Сейчас в систему входит много пользователей. Подождите несколько секунд и повторите попытку.

## Каталог и заказы
nav-catalog = Каталог
customer = Клиент
customer-tab-orders = Заказы
customer-tab-add-products = Добавить продукты
product = Продукт
product-sku = SKU
product-family = Семейство
product-kind = Тип
unit-price = Цена за единицу
quantity = Количество
line-total = Сумма
status = Состояние
kind-perpetual = Бессрочное ПО
kind-subscription = Подписка на ПО
kind-reserved-instance = Зарезервированный экземпляр
add-products-title = Добавить продукты
add-products-country-note = Показаны продукты, которые можно продавать клиентам в стране: { $country }.
add-products-review = Проверить заказ
order-quantity-range = Введите целое число от 1 до 1000 или оставьте поле пустым.
order-error-empty = Выберите хотя бы один продукт: укажите количество рядом с ним.
order-error-quantity = Количество для продукта { $product } должно быть целым числом от 1 до 1000.
order-error-not-offered = Один из выбранных продуктов недоступен для этого клиента (возможно, его нельзя продавать в стране клиента). Заказ не оформлен.
order-error-currencies = Продукты с ценами в разных валютах нельзя объединить в один заказ.
order-error-too-large = Сумма заказа слишком велика. Разделите его на несколько заказов.
order-error-out-of-keys = Для продукта { $product } не осталось ключей. Заказ не оформлен; повторите попытку позже или обратитесь к операторам портала.
review-title = Проверка заказа
review-change = Изменить количество
review-billing-note = При оформлении заказа счет выставляется вашей организации. Оформленный заказ окончательный; покупку можно отменить только в течение срока отмены, установленного для продукта.
place-order = Оформить заказ
order = Заказ
order-total = Итого
order-placed-at = Оформлен
order-placed-by = Кем оформлен
order-placed = Заказ оформлен.
order-already-placed = Этот заказ уже оформлен; вот он.
order-next = Что дальше
order-next-software = Все программное обеспечение клиента { $customer }
order-next-orders = Все заказы этого клиента
order-next-keys-admins = Ключи и загрузки для этих покупок доступны только агентам администратора: попросите одного из них получить их.
order-status-placed = Оформлен
order-line-key-assigned = Ключ назначен
order-line-key-revoked = Ключ отозван
orders-none = Заказов пока нет.
subscription-id = Идентификатор подписки
subscription-status-active = Активна
subscription-status-cancellation_requested = Запрошена отмена
subscription-status-cancelled = Отменена
order-refused-title = Заказ не оформлен
order-refused-nothing-written = Ничего не заказано.
order-refused-back = Вернуться к добавлению продуктов
catalog-title = Каталог
catalog-variants = Варианты
catalog-files = Файлы
catalog-keys-left = Осталось ключей
catalog-restricted = Не продается в странах
catalog-restricted-none = Продается во всех странах
catalog-no-keys = Без ключей
catalog-no-file = (файла пока нет)
catalog-low = { $count ->
        [one] Остался { $count } — мало
        [few] Осталось { $count } — мало
       *[many] Осталось { $count } — мало
    }
catalog-low-warning = { $count ->
    [one] У { $count } продукта заканчиваются ключи.
    [few] У { $count } продуктов заканчиваются ключи.
   *[many] У { $count } продуктов заканчиваются ключи.
}
catalog-policy = Политика
catalog-policy-value = Отмена в течение { $cancel ->
        [one] { $cancel } дня
        [few] { $cancel } дней
       *[many] { $cancel } дней
    }; ссылки действуют { $days ->
        [one] { $days } день
        [few] { $days } дня
       *[many] { $days } дней
    } или до { $cap ->
        [one] { $cap } скачивания
        [few] { $cap } скачиваний
       *[many] { $cap } скачиваний
    }
catalog-cli-hint = Те же инструменты доступны из командной строки сервера: "csp-portal catalog import FILE", "csp-portal keys import --product SKU FILE" и "csp-portal files add".
variant-version = Версия
variant-language = Язык
variant-platform = Разрядность или платформа
file-name = Имя файла
file-size = Размер
file-sha256 = SHA-256

## Инструменты оператора для каталога (страницы и командная строка используют
## общие сообщения import- и catalog-error-)
catalog-new = Новый продукт
catalog-new-title = Новый продукт
catalog-edit = Изменить продукт
catalog-edit-title = Изменение продукта { $name }
catalog-created = Продукт { $name } добавлен в каталог.
catalog-saved = Изменения продукта { $name } сохранены.
catalog-add-keys = Добавить ключи
catalog-add-file = Добавить файл для скачивания
catalog-actions = Действия с продуктом
catalog-term = Срок
catalog-term-none = Бессрочно
catalog-term-months = { $months ->
        [one] { $months } месяц
        [few] { $months } месяца
       *[many] { $months } месяцев
    }
catalog-contents = Состав
catalog-contents-keys = Ключи продукта
catalog-contents-downloads = Файлы для скачивания
catalog-key-format = Формат ключа
key-format-chars32 = 32 символа (8 групп по 4)
key-format-chars25 = 25 символов (5 групп по 5)
catalog-low-stock-at = Порог предупреждения о нехватке ключей
catalog-form-name = Название
catalog-form-sku-hint = До 64 букв, цифр и символов «-» или «_». SKU обозначает продукт в командной строке и не может быть изменен позже.
catalog-form-family-hint = Продукты одного семейства выводятся вместе, например Windows Server.
catalog-form-kind-choose = Выберите тип
catalog-form-term-hint = Подписки и зарезервированные экземпляры действуют 12 или 36 месяцев; у бессрочного ПО срока нет.
catalog-form-contents-hint = Зарезервированные экземпляры не содержат ни того, ни другого.
catalog-form-price = Цена за единицу
catalog-form-price-hint = В указанной ниже валюте, например 6771.00.
catalog-form-currency = Валюта
catalog-form-currency-hint = Код ISO 4217, например USD.
catalog-form-countries-hint = Коды ISO 3166-1 alpha-2 через запятую или пробел, например CN, RU. Оставьте поле пустым, чтобы продавать во всех странах.
catalog-form-policy = Политика
catalog-form-policy-hint = В течение какого срока можно отменить покупку и сколько действует ссылка для скачивания.
catalog-form-cancel-days = Срок отмены покупки (дней)
catalog-form-link-days = Срок действия ссылки для скачивания (дней)
catalog-form-link-cap = Число скачиваний по одной ссылке
catalog-form-low-stock-hint = Каталог предупреждает, когда свободных ключей остается столько или меньше.
catalog-form-variants = Варианты
catalog-form-variants-add = Добавить варианты
catalog-form-variants-hint = Для каждого языка создается по одному варианту с каждой выбранной разрядностью или платформой.
catalog-form-variants-existing = { $count ->
    [one] У продукта { $count } вариант; существующие варианты сохранятся. Оставьте эти поля пустыми, чтобы не добавлять новые.
    [few] У продукта { $count } варианта; существующие варианты сохранятся. Оставьте эти поля пустыми, чтобы не добавлять новые.
   *[many] У продукта { $count } вариантов; существующие варианты сохранятся. Оставьте эти поля пустыми, чтобы не добавлять новые.
}
catalog-form-languages = Языки
catalog-form-languages-hint = Теги BCP 47 через запятую, например en-US, pl-PL.
catalog-form-platforms = Разрядность или платформы
catalog-form-platforms-hint = Выберите разрядность или типы файлов с операционными системами, но не то и другое вместе.
catalog-form-create = Создать продукт
catalog-form-save = Сохранить изменения
catalog-error-whole-number = Введите целое число, например 14.
catalog-error-price-format = Введите цену в формате 6771.00.
keys-title = Добавление ключей для продукта { $name }
keys-format = { $format } на ключ
keys-file = Файл ключей
keys-file-hint = Текстовый файл, по одному ключу в строке. Дефисы и пробелы между группами игнорируются, как и пустые строки и строки, начинающиеся с #. Если хотя бы одна строка содержит ошибку, ни один ключ не добавляется.
keys-file-limit = Не более { $limit }.
keys-submit = Добавить ключи
keys-added = { $count ->
    [one] Для продукта { $name } добавлен { $count } ключ. Свободных ключей: { $left }.
    [few] Для продукта { $name } добавлено { $count } ключа. Свободных ключей: { $left }.
   *[many] Для продукта { $name } добавлено { $count } ключей. Свободных ключей: { $left }.
}
keys-refused = Ключи не добавлены: { $count ->
    [one] { $count } строку нужно исправить.
    [few] { $count } строки нужно исправить.
   *[many] { $count } строк нужно исправить.
}
keys-refused-more = … и еще { $count }.
keys-error-choose = Выберите файл ключей для загрузки.
keys-error-too-large = Файл ключей больше { $limit }: разделите его на части и загрузите их по очереди.
keys-error-not-text = Файл ключей не является обычным текстовым файлом (UTF-8).
keys-none-for-product = У этого продукта нет ключей. Сначала измените продукт, чтобы добавить ему ключи.
files-title = Добавление файла для скачивания к продукту { $name }
files-variant = Вариант
files-variant-choose = Выберите вариант
files-name = Имя файла при скачивании (необязательно)
files-name-hint = Имя, под которым партнеры скачивают файл. Оставьте поле пустым, чтобы сохранить имя загруженного файла.
files-file = Файл
files-file-hint = Загрузка больших файлов занимает время: не закрывайте страницу до ее окончания. Размер и SHA-256 вычисляются во время загрузки. Не более { $limit }. Файл с тем же именем в этом варианте будет заменен; его ссылки продолжат работать.
files-submit = Загрузить файл
files-added = Файл { $file } ({ $size }) добавлен в вариант { $variant }. SHA-256: { $sha256 }
files-error-choose = Выберите файл для загрузки.
files-error-too-large = Размер файла превышает { $limit }.
files-error-variant = Выберите один из вариантов продукта.
files-error-name = Укажите имя длиной от 1 до { $max ->
        [one] { $max } символа
        [few] { $max } символов
       *[many] { $max } символов
    } без косых черт и управляющих символов.
files-error-no-downloads = У продукта { $product } нет файлов для скачивания.
files-no-downloads = У этого продукта нет файлов для скачивания. Сначала измените продукт, чтобы добавить ему загрузки.
files-no-variants = У этого продукта пока нет вариантов. Сначала измените продукт, чтобы добавить их.
import-line = Строка { $line }: { $message }
import-syntax = { $detail }
keys-error-format-32 = Ключ не соответствует формату этого продукта: 32 буквы и цифры (группы по 4 можно разделять знаком «-»).
keys-error-format-25 = Ключ не соответствует формату этого продукта: 25 букв и цифр (группы по 5 можно разделять знаком «-»).
keys-error-repeated = Такой же ключ, как в строке { $first }.
keys-error-known = Этот ключ уже есть в хранилище ключей.
keys-error-empty = Файл не содержит ключей.
catalog-error-empty = В файле нет записей [[product]].
catalog-error-policy-kind = Не существует типа продукта «{ $kind }», для которого можно задать политику.
catalog-error-sku = Введите SKU длиной от 1 до { $max ->
        [one] { $max } символа
        [few] { $max } символов
       *[many] { $max } символов
    }: буквы, цифры, «-» или «_».
catalog-error-sku-repeated = SKU { $sku } также используется в строке { $line }.
catalog-error-sku-taken = Продукт с таким SKU уже существует.
catalog-error-name = Введите название длиной от 1 до { $max ->
        [one] { $max } символа
        [few] { $max } символов
       *[many] { $max } символов
    }.
catalog-error-family = Введите семейство длиной от 1 до { $max ->
        [one] { $max } символа
        [few] { $max } символов
       *[many] { $max } символов
    }.
catalog-error-kind = Выберите тип продукта: бессрочное ПО (perpetual), подписка на ПО (subscription) или зарезервированный экземпляр (reserved_instance).
catalog-error-term-perpetual = У бессрочного ПО нет срока действия.
catalog-error-term-required = Для подписок и зарезервированных экземпляров нужно указать срок: 12 или 36 месяцев.
catalog-error-term = Срок должен составлять 12 или 36 месяцев.
catalog-error-ri-contents = Зарезервированные экземпляры не содержат ни ключей, ни файлов для скачивания.
catalog-error-key-format = Формат ключа должен быть chars32 (8 групп по 4) или chars25 (5 групп по 5).
catalog-error-price = Цена не может быть отрицательной.
catalog-error-currency = Укажите валюту трехбуквенным кодом ISO 4217 из прописных букв, например USD.
catalog-error-country = «{ $code }» не является кодом страны ISO 3166-1 alpha-2.
catalog-error-low-stock = Порог предупреждения о нехватке не может быть меньше 0.
catalog-error-cancel-window = Срок отмены должен составлять от { $min } до { $max ->
        [one] { $max } дня
        [few] { $max } дней
       *[many] { $max } дней
    }.
catalog-error-link-lifetime = Срок действия ссылки должен составлять от { $min } до { $max ->
        [one] { $max } дня
        [few] { $max } дней
       *[many] { $max } дней
    }.
catalog-error-link-cap = Число скачиваний по ссылке должно быть от { $min } до { $max }.
catalog-error-no-variants = Продукту с файлами для скачивания нужен хотя бы один вариант: укажите версию, языки и разрядность или платформы.
catalog-error-version = Введите версию длиной от 1 до { $max ->
        [one] { $max } символа
        [few] { $max } символов
       *[many] { $max } символов
    }.
catalog-error-languages = Укажите хотя бы один язык.
catalog-error-language = «{ $tag }» не является тегом языка BCP 47 (например, en-US).
catalog-error-platforms = Выберите хотя бы одну разрядность или хотя бы одну платформу (тип файла и операционную систему), но не то и другое вместе.
catalog-error-bitness = Допустимые значения разрядности: { $values }.
catalog-error-platform = Тип файла должен быть одним из следующих: { $types }, а операционная система — одной из следующих: { $systems }.

## Программное обеспечение, ключи и загрузки
nav-my-software = Ваши продукты
customer-tab-software = Программное обеспечение
my-software-title = Ваши продукты
my-software-intro = Программное обеспечение, приобретенное для организации { $org }, с ключами продуктов и загрузками.
software-none = Для этого клиента еще не приобретено программное обеспечение.
software-purchased = Дата покупки
software-cancel-until = Отмена возможна до
software-actions = Действия
software-get-keys = Получить ключи и загрузки
software-get-key = Получить ключ
software-no-match = Нет загрузок, соответствующих выбранным параметрам. Измените версию, язык или платформу.
software-risk-note = Копирование ссылок и скачивание программного обеспечения связаны с рисками: любой, у кого есть ссылка, может скачать ПО до истечения ее срока действия, а ключи дают право на установку. Передавайте их только администраторам клиента. Получать ключи и ссылки могут только агенты администратора.
software-risk-note-own = Скачивание программного обеспечения и ключи продуктов связаны с рисками: ключи дают право на установку. Передавайте их только вашим администраторам.
software-window-closed = Срок истек ({ $date })
selector-any = Любой
download = Скачать
copy-link = Копировать ссылку
copy = Копировать
copied = Скопировано
close = Закрыть
back = Назад
key-title = Ключ продукта { $product }
key-audited = Каждый раз, когда отображается ключ, портал записывает, кто его просматривал.
link-made = Создана новая ссылка для скачивания файла { $file }. Скопируйте ее и отправьте клиенту:
link-renewed = Ссылка для скачивания файла { $file } продлена, адрес не изменился. Скопируйте ее и отправьте клиенту:
link-limits = Ссылка действует до { $date } или до { $cap ->
        [one] { $cap } скачивания
        [few] { $cap } скачиваний
       *[many] { $cap } скачиваний
    } — в зависимости от того, что наступит раньше.
link-copied = Ссылка для скачивания файла { $file } скопирована в буфер обмена.
link-copy-failed = Не удалось скопировать ссылку в буфер обмена. Скопируйте ее из поля в разделе «Ссылки для скачивания».
links-title = Ссылки для скачивания
links-help = Ссылка для скачивания работает без входа в систему в течение { $days ->
        [one] { $days } дня
        [few] { $days } дней
       *[many] { $days } дней
    } или до { $cap ->
        [one] { $cap } скачивания
        [few] { $cap } скачиваний
       *[many] { $cap } скачиваний
    } — в зависимости от того, что наступит раньше. Если ссылка на файл еще действует, кнопка «Копировать ссылку» продлевает ее: еще на { $days ->
        [one] { $days } день
        [few] { $days } дня
       *[many] { $days } дней
    } и { $cap ->
        [one] { $cap } скачивание
        [few] { $cap } скачивания
       *[many] { $cap } скачиваний
    } с этого момента по тому же адресу, так что уже отправленная ссылка продолжает работать. Если срок действия ссылки истек, лимит скачиваний исчерпан или ссылка отозвана, кнопка «Копировать ссылку» создает новую ссылку с новым адресом.
links-live = Действующие ссылки
links-none = Для этой покупки нет действующих ссылок.
links-address = Адрес
links-address-unknown = Не отображается (старая ссылка)
links-created = Создана
links-by = { $date }, { $name }
links-renewed-by = продлена { $date }, { $name }
links-expires = Действует до
links-downloads = Скачивания
links-downloads-before = и { $count } до последнего продления
links-revoke = Отозвать
links-revoked = Ссылка отозвана и больше не работает.
links-revoke-confirm-title = Отозвать эту ссылку для скачивания?
links-revoke-confirm-stops = Ссылка сразу перестанет работать: никто, у кого она есть, больше не сможет скачать файл.
links-revoke-confirm-final = Это действие нельзя отменить. Кнопка «Копировать ссылку» после этого создаст новую ссылку с новым адресом.
links-revoke-confirm = Отозвать ссылку
links-revoke-keep = Оставить ссылку
links-revoke-confirm-js = Отозвать ссылку для скачивания файла { $file }? Она сразу перестанет работать для всех, у кого она есть. Это действие нельзя отменить.
links-time-left = Осталось { $days } д { $hours } ч
links-history = Ссылки, которые больше не работают ({ $count })
links-ended = Прекращена
link-ended-expired = Срок истек
link-ended-used-up = Лимит исчерпан
link-ended-revoked = Отозвана
links-ended-with-cancellation = { $date }, при отмене покупки
links-ended-undated = дата не записана
link-expired-title = Срок действия этой ссылки для скачивания истек
link-expired = Ссылка перестала работать { $date }.
link-used-up-title = Лимит скачиваний по этой ссылке исчерпан
link-used-up = По ссылке уже выполнено максимальное допустимое число скачиваний.
link-revoked-title = Эта ссылка для скачивания отозвана
link-revoked = Ссылка была отозвана, или покупка, к которой она относится, была отменена.
link-unknown-title = Эта ссылка для скачивания недействительна
link-unknown = Проверьте, что ссылка скопирована полностью.
link-what-to-do = Попросите вашего партнера по программному обеспечению прислать новую ссылку для скачивания.
error-410-title = Больше недоступно
error-410 = Этот ресурс больше недоступен: покупка отменена, или ее ключ отозван.

## Сообщить о проблеме, запросы на обслуживание, отмены
nav-support = Запросы на обслуживание
nav-requests = Очередь запросов
filter = Фильтр
report-title = Сообщить о проблеме
report-details = Сведения
report-problem-type = Тип проблемы
report-choose = Выберите тип проблемы
report-impact = Влияние
report-title-field = Заголовок
report-description = Описание
report-refund-fields-note = Для отмены («Покупка или возврат средств CSP от имени клиентов») укажите покупку ниже. Отменить можно только покупку целиком, с возвратом 100% уплаченной суммы.
report-customer-ref = Идентификатор арендатора клиента или доменное имя
report-customer-ref-hint = Например, contoso.onmicrosoft.com
report-purchase-ref = Идентификатор подписки или заказа
report-purchase-ref-hint = Идентификатор заказа однозначно указывает на покупку, только если в заказе одна покупка.
report-refund-reason = Причина возврата средств
report-requested-amount = Запрошенная сумма
report-requested-amount-hint = Вся покупка: { $amount } (100%).
report-requested-amount-hint-generic = Вся покупка, 100% уплаченной суммы.
report-contact = Контактные данные
report-contact-name = Имя
report-contact-email = Электронная почта
report-contact-phone = Телефон
report-files = Файлы
report-add-files = Добавить файлы (необязательно)
report-files-hint = Не более 5 файлов, до 10 МиБ каждый и до 25 МиБ в сумме, следующих типов: { $types }.
report-files-choose-again = Вы выбрали: { $names }. При повторном показе формы файлы не сохраняются: выберите их снова.
report-submit = Отправить
report-leave = Вернуться без отправки
report-cancel-title = Отмена покупки: { $product }
report-cancelling = Отмена покупки: { $product }
report-days-left = { $days ->
    [one] До отмены остался { $days } день, до { $date }.
    [few] До отмены осталось { $days } дня, до { $date }.
   *[many] До отмены осталось { $days } дней, до { $date }.
}
report-filed = Запрос { $number } отправлен.
report-already-filed = Этот запрос уже отправлен; вот он.
problem-type-refund = Покупка или возврат средств CSP от имени клиентов
problem-type-billing = Выставление счетов
problem-type-technical = Техническая проблема
problem-type-account = Учетная запись и доступ
problem-type-other = Другое
impact-critical = Критическое: работа остановлена
impact-moderate = Среднее: работа замедлена
impact-minimal = Минимальное: вопрос или неудобство
request-number = Запрос
request-filed = Отправлен
request-has-reply = · есть ответ
request-no-files = Нет
request-decided-at = Дата решения
request-reply = Ответ
request-reply-hint = Ваш ответ партнеру.
request-reply-hint-refund = Ваш ответ партнеру; обязателен при отклонении.
request-decide = Решение
request-approve = Одобрить отмену
request-reject = Отклонить
request-close = Закрыть с ответом
request-decided = Решение записано.
request-already-decided = По этому запросу уже принято решение; ничего не изменено.
requests-none = Запросов на обслуживание нет.
request-status-submitted = Отправлен
request-status-in_progress = В работе
request-status-approved = Одобрен
request-status-rejected = Отклонен
request-status-closed = Закрыт
error-choose-from-list = Выберите значение из списка.
error-phone-invalid = Введите номер телефона из 7–15 цифр, например +1 425 555 0100.
error-customer-unknown = Ни у одного из ваших клиентов нет такого идентификатора арендатора или домена.
error-purchase-unknown = У этого клиента нет покупки с таким идентификатором.
error-order-several-lines = В этом заказе несколько покупок: укажите идентификатор подписки той, которую нужно отменить.
error-amount-invalid = Введите сумму, например 1 234,56, или 100%.
error-amount-partial = Отменить можно только покупку целиком: запросите ровно 100% уплаченной суммы.
error-window-closed = Срок отмены этой покупки истек.
error-purchase-not-active = Эта покупка уже отменена, или по ней открыт запрос на отмену.
error-file-too-large = Размер файла { $name } превышает { $limit }.
error-files-too-much = Общий размер файлов превышает { $limit }.
error-files-too-many = Можно добавить не более { $count ->
        [one] { $count } файла
        [few] { $count } файлов
       *[many] { $count } файлов
    }.
error-file-type = Файл { $name } имеет недопустимый тип (допустимые типы: { $types }).
error-reject-reason = Укажите партнеру причину отклонения.
software-cancel = Отменить покупку
software-cancelled-note = Эта покупка отменена: ее ключ и загрузки больше недоступны.
software-days-left = { $days ->
    [one] Остался { $days } день
    [few] Осталось { $days } дня
   *[many] Осталось { $days } дней
}
software-credited = Возвращено { $amount }
software-filters-label = Поиск покупок
software-search-placeholder = Часть названия продукта
software-filter-cancellable = Можно отменить сейчас
software-sort = Сортировка
software-sort-newest = Сначала новые покупки
software-sort-oldest = Сначала старые покупки
software-none-matching = Нет покупок, соответствующих условиям поиска и фильтра.
software-role-note = Для получения ключей и загрузок и отмены покупок нужна роль «Агент администратора», которой у вашей учетной записи нет; роли назначает глобальный администратор вашей организации.
filters-clear = Сбросить фильтры
copy-full-id = Копировать полный идентификатор { $id }
duration-days-hours = { $days } д { $hours } ч
duration-under-an-hour = меньше часа
paging-showing = Показаны { $from }–{ $to } из { $total }
paging-showing-many = Показаны { $from }–{ $to } из более чем { $cap }
paging-showing-far = За пределами первых { $cap }
request-take = Взять в работу
request-take-over = Забрать себе
request-taken = Вы работаете над запросом { $number }.
request-already-yours = Вы уже работаете над запросом { $number }.
request-taken-by = { $name }, с { $date }
request-decided-credited = Отмена одобрена: выписана кредит-нота { $number }.
request-window = Срок отмены
request-window-closes = Истекает { $date }
request-window-at-filing = На момент подачи оставалось { $span }
approval-will = При одобрении:
request-approve-confirm-title = Одобрить отмену по запросу { $number }?
request-reject-confirm-title = Отклонить отмену по запросу { $number }?
request-approve-confirm-page = Одобрить эту отмену?
request-reject-confirm-page = Отклонить эту отмену?
request-reject-confirm-reply = Партнер получит уведомление об отклонении запроса, а ваш ответ будет указан как причина.
request-reject-confirm-stays = Покупка останется без изменений: ничего не отменяется и не возвращается.
request-reject-confirm = Отклонить отмену
request-confirm-back = Вернуться к запросу без решения
approval-cancels = покупка { $quantity } × { $product } будет отменена;
approval-credits = на счет партнера { $partner } будет зачислено { $amount } (100% покупки) по пронумерованной кредит-ноте;
approval-revokes-key = ключ продукта будет отозван: он больше никогда не будет показан или выдан;
approval-no-key = (у этой покупки нет ключа продукта для отзыва);
approval-disables-links = ссылки для скачивания будут сразу отключены (сейчас { $count ->
        [one] действует { $count }
        [few] действуют { $count }
       *[many] действуют { $count }
    }).
approval-no-links = все ссылки для скачивания этой покупки будут отключены (сейчас действующих нет).
queue-views-label = Запросы по состоянию
queue-view-open = Открытые
queue-view-all = Все
queue-none = Здесь нет запросов.
queue-oldest-first = сначала старые
queue-newest-first = сначала новые
queue-action = Действие
queue-waiting = ожидает { $span }
credit-note = Кредит-нота
credit-note-title = Кредит-нота { $number }
credit-note-issued = Дата выписки
credit-note-issued-by = Кем выписана
credit-note-issued-to = Кому выписана
credit-note-settles = Запрос на отмену
credit-note-approved-on = одобрен { $date }
credit-note-line = Возвращенная покупка
credit-note-paid = Оплачено
credit-note-credited = Возвращено
credit-note-whole-line = 100% покупки
credit-note-effects = Покупка отменена: ее ключ продукта отозван, а ссылки для скачивания отключены.
purchase-cancellation-rejected = Отмена отклонена
purchase-read-reply = { $number }: прочитать ответ

## Журнал действий
nav-activity = Журнал действий
activity-title = Журнал действий
activity-export = Экспорт в CSV
activity-user = Пользователь (электронная почта)
activity-action = Действие
activity-from = С
activity-to = По
activity-at = Время
activity-organisation = Организация

activity-ip = Адрес
activity-detail = Подробности
activity-none = Нет подходящих действий.
activity-error-from = Поле «С» должно содержать дату, например 2026-11-01.
activity-error-to = Поле «По» должно содержать дату, например 2026-11-30.
activity-customer = Клиент (название или домен)
activity-error-action = Такого действия нет.
activity-error-customer = Ни у одного из ваших клиентов нет такого названия или домена.
activity-error-customer-several = Такое название есть у нескольких ваших клиентов: введите домен.
action-sign_in = Вход
action-sign_in_failed = Неудачный вход
action-sign_out = Выход
action-password_changed = Пароль изменен
action-password_reset = Пароль сброшен
action-second_factor_enabled = Двухфакторный вход включен
action-second_factor_disabled = Двухфакторный вход отключен
action-second_factor_required = Двухфакторный вход сделан обязательным
action-second_factor_optional = Двухфакторный вход сделан необязательным
action-customer_created = Клиент создан
action-order_placed = Заказ оформлен
action-key_revealed = Ключ продукта показан
action-file_downloaded = Файл скачан
action-link_created = Ссылка для скачивания создана
action-link_renewed = Ссылка для скачивания продлена
action-link_revoked = Ссылка для скачивания отозвана
action-link_download_counted = Скачивание по ссылке
action-service_request_filed = Запрос на обслуживание отправлен
action-cancellation_requested = Запрошена отмена
action-cancellation_approved = Отмена одобрена
action-cancellation_rejected = Отмена отклонена
action-service_request_closed = Запрос на обслуживание закрыт
action-request_taken = Запрос на обслуживание взят в работу
action-user_invited = Пользователь приглашен
action-invitation_accepted = Приглашение принято
action-role_changed = Роли изменены
action-user_deactivated = Пользователь деактивирован
action-user_reactivated = Пользователь активирован снова
action-partner_deactivated = Партнер деактивирован
action-partner_reactivated = Партнер активирован снова
action-demo_loaded = Демонстрационные данные загружены
action-product_created = Продукт добавлен в каталог
action-product_updated = Продукт изменен
action-keys_added = Ключи продукта добавлены
action-download_file_added = Файл для скачивания добавлен
activity-what = Что произошло
activity-table-label = Действия, сначала новые
activity-dates-hint = Время указано в формате UTC. Если браузер не показывает календарь, вводите даты в формате 2026-11-01.
activity-error-range = Дата «По» не может быть раньше даты «С».
activity-someone = Кто-то
activity-someone-command-line = Кто-то в командной строке сервера
activity-unknown-customer = неизвестный клиент
activity-unknown-product = неизвестный продукт
activity-unknown-file = неизвестный файл
activity-unknown-user = неизвестный пользователь
activity-unknown-organisation = неизвестная организация
activity-unknown-request = неизвестный запрос
activity-no-roles = нет ролей
activity-event-sign_in = { $actor }: вход в систему
activity-event-sign_in-totp = { $actor }: вход в систему с кодом из приложения для проверки подлинности
activity-event-sign_in-recovery_code = { $actor }: вход в систему с кодом восстановления
activity-event-sign_in_failed-bad_credentials = Неудачная попытка входа как { $email }: неверный пароль
activity-event-sign_in_failed-no_account = Неудачная попытка входа как { $email }: учетной записи с таким адресом нет
activity-event-sign_in_failed-deactivated = Неудачная попытка входа как { $email }: учетная запись деактивирована
activity-event-sign_in_failed-second_factor = Неудачная попытка входа как { $email }: неверный код второго фактора
activity-event-sign_in_failed-throttled = Попытка входа как { $email } заблокирована после слишком большого числа неудачных попыток
activity-event-sign_in_failed-other = Неудачная попытка входа как { $email }
activity-event-sign_out = { $actor }: выход из системы
activity-event-password_changed = { $actor }: смена пароля
activity-event-password_reset = { $actor }: установка нового пароля по ссылке для сброса
activity-event-second_factor_enabled = { $actor }: включение двухфакторного входа
activity-event-second_factor_disabled = { $actor }: отключение двухфакторного входа
activity-event-second_factor_required = { $actor }: двухфакторный вход сделан обязательным для всех в организации { $organisation }
activity-event-second_factor_optional = { $actor }: двухфакторный вход сделан необязательным в организации { $organisation }
activity-event-customer_created = { $actor }: создание клиента { $customer }
activity-event-order_placed = { $actor }: оформление заказа для клиента { $customer }
activity-event-key_revealed = { $actor }: просмотр ключа продукта { $product } для клиента { $customer }
activity-event-file_downloaded = { $actor }: скачивание файла { $file } продукта { $product } для клиента { $customer }
activity-event-link_created = { $actor }: создание ссылки для скачивания файла { $file } продукта { $product } для клиента { $customer }
activity-event-link_renewed = { $actor }: продление ссылки для скачивания файла { $file } продукта { $product } для клиента { $customer }
activity-event-link_revoked = { $actor }: отзыв ссылки для скачивания файла { $file } продукта { $product } для клиента { $customer }
activity-event-link_download_counted = Файл { $file } продукта { $product } скачан по ссылке, выданной клиенту { $customer }
activity-event-service_request_filed = { $actor }: отправка запроса на обслуживание { $request }
activity-event-service_request_filed-customer = { $actor }: отправка запроса на обслуживание { $request } по клиенту { $customer }
activity-event-cancellation_requested = { $actor }: запрос на отмену продукта { $product } для клиента { $customer } (запрос { $request })
activity-event-cancellation_approved = { $actor }: одобрение отмены продукта { $product } для клиента { $customer } (запрос { $request })
activity-event-cancellation_rejected = { $actor }: отклонение отмены продукта { $product } для клиента { $customer } (запрос { $request })
activity-event-service_request_closed = { $actor }: закрытие запроса на обслуживание { $request }
activity-event-request_taken = { $actor }: запрос на обслуживание { $request } взят в работу
activity-event-request_taken-over = { $actor }: запрос на обслуживание { $request } забран у другого оператора
activity-event-user_invited = { $actor }: приглашение пользователя { $email } в организацию { $organisation } (роли: { $roles })
activity-event-invitation_accepted = { $actor }: принятие приглашения и присоединение к организации { $organisation }
activity-event-role_changed = { $actor }: изменение ролей пользователя { $user } (новые роли: { $roles })
activity-event-user_deactivated = { $actor }: деактивация пользователя { $user }
activity-event-user_reactivated = { $actor }: повторная активация пользователя { $user }
activity-event-partner_deactivated = { $actor }: деактивация партнера { $organisation }
activity-event-partner_reactivated = { $actor }: повторная активация партнера { $organisation }
activity-event-demo_loaded = Загружены демонстрационные данные
activity-event-product_created = { $actor }: добавление продукта { $product } в каталог
activity-event-product_updated = { $actor }: изменение продукта { $product } в каталоге
activity-event-keys_added = { $actor }: добавление { $count ->
        [one] { $count } ключа
        [few] { $count } ключей
       *[many] { $count } ключей
    } для продукта { $product }
activity-event-download_file_added = { $actor }: добавление файла { $file } к продукту { $product }
activity-detail-record = Идентификатор записи
activity-detail-domain = Основной домен
activity-detail-products = Продукты
activity-detail-order-line = { $sku } × { $quantity }
activity-detail-purchases = Покупки
activity-detail-total = Итого
activity-detail-link-downloads = Скачиваний по ссылке на данный момент
activity-detail-problem-type = Тип
activity-detail-attachments = Вложения
activity-detail-credit-note = Кредит-нота
activity-detail-sku = SKU
activity-detail-version = Версия
activity-detail-language = Язык
activity-detail-platform = Платформа
activity-detail-size = Размер
activity-detail-sha256 = SHA-256
activity-detail-replaced = Заменен
activity-detail-variants-added = Добавлены варианты
activity-value-replaced = прежний файл с тем же именем
activity-value-none = нет
activity-value-yes = да
activity-value-no = нет
activity-change = { $from } → { $to }
activity-change-name = Название
activity-change-family = Семейство
activity-change-kind = Тип
activity-change-term_months = Срок (месяцев)
activity-change-keys = Ключи продукта
activity-change-downloads = Файлы для скачивания
activity-change-key_format = Формат ключа
activity-change-unit_price_minor = Цена за единицу
activity-change-currency = Валюта
activity-change-restricted_countries = Не продается в странах
activity-change-low_stock_at = Порог предупреждения о нехватке ключей
activity-change-cancel_window_days = Срок отмены (дней)
activity-change-link_lifetime_days = Срок действия ссылки (дней)
activity-change-link_download_cap = Число скачиваний по ссылке

## Пользователи, приглашения, пароли
nav-users = Пользователи
users-title = Пользователи
users-name = Имя
users-roles = Роли
users-save-roles = Сохранить роли
users-deactivate = Деактивировать
users-reactivate = Активировать снова
users-roles-saved = Роли пользователя { $user } сохранены.
users-deactivated = Пользователь { $user } деактивирован, его сеансы завершены.
users-deactivate-confirm-title = Деактивировать пользователя { $name }?
users-deactivate-confirm-signed-out = Все сеансы пользователя { $name } будут сразу завершены, и он больше не сможет войти в систему.
users-deactivate-confirm-kept = Ничего не удаляется: действия пользователя остаются в журнале действий, а кнопка «Активировать снова» позволит ему снова входить в систему.
users-deactivate-confirm = Деактивировать пользователя
users-deactivate-keep = Оставить пользователя { $name } активным
users-deactivate-confirm-js = Деактивировать пользователя { $name }? Все его сеансы будут сразу завершены, и он больше не сможет войти в систему.
users-reactivated = Пользователь { $user } снова может входить в систему.
users-error-last-admin = У партнера должен оставаться хотя бы один активный глобальный администратор: сначала назначьте глобальным администратором другого пользователя.
users-error-no-role = Выберите хотя бы одну роль.
invite-title = Пригласить пользователя
invite-email = Адрес электронной почты
invite-email-hint = Ссылка в приглашении работает один раз в течение 7 дней.
invite-send = Отправить приглашение
invite-sent = Приглашение отправлено на адрес { $email }. Если для этого адреса уже есть учетная запись, вместо приглашения на него придет уведомление об этом.
partner-new-title = Новый партнер
partner-deactivated = Партнер деактивирован: его пользователи больше не могут входить в систему.
partner-reactivated = Партнер снова активирован.
customer-invite-admin = Пригласить глобального администратора клиента
customer-invite-admin-hint = Ему будут доступны ключи и загрузки этого клиента, и ничего больше.
error-email-taken = Пользователь с таким адресом электронной почты уже существует.
error-choose-role = Выберите хотя бы одну роль.
error-partner-taken = Партнер с таким названием уже существует.
invitation-title = Принятие приглашения
invitation-name-required = Введите свое имя.
invitation-done = Ваша учетная запись готова. Войдите с новым паролем.
set-password-for = Для { $email }.
password-new = Новый пароль
password-confirm = Повторите новый пароль
password-current = Текущий пароль
password-save = Сохранить пароль
password-rules = Не менее 12 символов. Хорошо подходят длинные фразы; распространенные пароли не принимаются.
password-too-short = Пароль должен содержать не менее 12 символов.
password-too-long = Пароль может содержать не более 128 символов.
password-common = Это слишком распространенный пароль: он встречается в списках утекших паролей. Выберите другой.
password-contains-email = Пароль не должен содержать ваш адрес электронной почты.
password-mismatch = Пароли не совпадают.
password-current-wrong = Текущий пароль указан неверно.
password-change-title = Смена пароля
password-changed = Пароль изменен; ваши другие сеансы завершены.
password-reset-done = Пароль сброшен. Войдите с новым паролем.
forgot-link = Забыли пароль?
forgot-title = Сброс пароля
forgot-submit = Отправить ссылку для сброса
forgot-sent = Если этот адрес используется учетной записью, на него будет отправлена ссылка для сброса пароля. Она работает один раз в течение часа.
reset-title = Выберите новый пароль
mail-invite-subject = Приглашение в организацию { $org } на портале ПО для CSP
mail-invite-body = Вас пригласили на портал ПО для CSP в организацию { $org }. Перейдите по этой ссылке, чтобы задать пароль (ссылка работает один раз в течение { $days ->
        [one] { $days } дня
        [few] { $days } дней
       *[many] { $days } дней
    }): { $link }
mail-invite-existing-subject = Попытка пригласить вас в организацию { $org } на портале ПО для CSP
mail-invite-existing-body = Кто-то пригласил этот адрес в организацию { $org } на портале ПО для CSP, но для него уже есть учетная запись, поэтому приглашение не создано. Войдите как обычно: { $link } (если нужен новый пароль, воспользуйтесь там ссылкой «Забыли пароль?»). Если вы не ожидали этого письма, просто проигнорируйте его.
mail-reset-subject = Сброс пароля на портале ПО для CSP
mail-reset-body = Поступил запрос на сброс пароля этой учетной записи. Перейдите по этой ссылке, чтобы задать новый пароль (ссылка работает один раз в течение { $minutes ->
        [one] { $minutes } минуты
        [few] { $minutes } минут
       *[many] { $minutes } минут
    }): { $link } Если вы не запрашивали сброс, проигнорируйте это письмо.

## Письма-напоминания
mail-window-subject = Осталось 7 дней, чтобы отменить покупку { $product }
mail-window-body = Покупку продукта { $product } для клиента { $customer } можно отменить еще в течение { $days ->
        [one] { $days } дня
        [few] { $days } дней
       *[many] { $days } дней
    }, до { $until }. После этого отменить ее будет невозможно.
mail-links-subject = Ссылки для скачивания, срок действия которых истекает { $date }
mail-links-body = Эти ссылки для скачивания перестанут работать { $date } (UTC). Если они еще нужны клиентам, нажмите «Копировать ссылку» у файла в разделе «Получить ключи и загрузки»: ссылка будет продлена по тому же адресу.
    { $links }

## Двухфакторный вход
code-title = Введите код для входа
code-label = Код из приложения для проверки подлинности
code-hint = Шесть цифр или один из ваших кодов восстановления.
code-wrong = Код неверен или уже использован.
two-factor-title = Двухфакторный вход
two-factor-on = Двухфакторный вход включен
two-factor-enable = Включить двухфакторный вход
two-factor-disable = Отключить двухфакторный вход
two-factor-disabled = Двухфакторный вход отключен.
two-factor-scan = Отсканируйте этот код приложением для проверки подлинности, затем введите шесть цифр, которые оно покажет, и свой пароль.
two-factor-manual = Или введите этот ключ в приложении вручную:
two-factor-qr-alt = QR-код для приложения проверки подлинности
two-factor-must-enrol = Ваша организация требует двухфакторный вход: настройте его, чтобы продолжить.
two-factor-required-note = Ваша организация требует двухфакторный вход, поэтому его нельзя отключить.
two-factor-required-cannot-disable = Ваша организация требует двухфакторный вход.
two-factor-recovery-title = Ваши коды восстановления
two-factor-recovery-hint = Храните их в надежном месте. Если вы потеряете телефон, каждый код можно использовать один раз. Они показываются только сейчас.
two-factor-require-all = Требовать двухфакторный вход для всех пользователей этого партнера
two-factor-now-required = Теперь двухфакторный вход обязателен для всех в этой организации.
two-factor-now-optional = Теперь двухфакторный вход в этой организации необязателен.

## API tokens, the API reference and its problems
action-api_token_created = Токен API создан
action-api_token_revoked = Токен API отозван
activity-event-api_token_created = { $actor }: создание токена API
activity-event-api_token_revoked = { $actor }: отзыв токена API
api-tokens-title = Токены API
api-tokens-lead = Персональный токен API позволяет вашим собственным системам работать с API портала от вашего имени: в рамках вашей организации и с теми ролями, которые есть у вас на момент каждого запроса. Храните его в секрете, как пароль.
api-tokens-made = Ваш новый токен API
api-tokens-made-once = Скопируйте его сейчас: он показывается только один раз. Портал хранит только его отпечаток.
api-tokens-name = Название
api-tokens-name-hint = Для чего он нужен, например «Синхронизация счетов».
api-tokens-expires-on = Действует до
api-tokens-expires-hint = Необязательно. Токен перестанет работать в конце этого дня (UTC).
api-tokens-create = Создать токен
api-tokens-yours = Ваши токены
api-tokens-none = У вас нет токенов API.
api-tokens-created = Создан
api-tokens-expires = Действует до
api-tokens-last-used = Последнее использование
api-tokens-state = Состояние
api-tokens-actions = Действия
api-tokens-never = Никогда
api-tokens-state-active = Активен
api-tokens-state-revoked = Отозван
api-tokens-state-expired = Срок истек
api-tokens-revoke = Отозвать
api-tokens-revoked = Токен отозван и больше не работает.
api-tokens-revoke-confirm-title = Отозвать этот токен API?
api-tokens-revoke-confirm-stops = Программы и скрипты, которые его используют, получат отказ при следующем запросе.
api-tokens-revoke-confirm-final = Это действие нельзя отменить. Создайте новый токен для того, чему он ещё нужен.
api-tokens-revoke-confirm = Отозвать токен
api-tokens-revoke-keep = Оставить токен
api-tokens-revoke-confirm-js = Отозвать токен API { $name }? Программы, которые его используют, получат отказ при следующем запросе. Это действие нельзя отменить.
error-token-expiry-past = Выберите дату позже сегодняшней.
error-date = Введите дату в формате YYYY-MM-DD.
api-reference-title = Справочник по API
api-reference-lead = Все операции REST API портала, полученные из его документа OpenAPI 3.1. Передавайте токен в заголовке Authorization: Bearer.
api-reference-document = Документ OpenAPI (JSON)
api-reference-operations = Операции
api-reference-parameters = Параметры
api-reference-name = Имя
api-reference-in = Расположение
api-reference-required = Обязательный
api-reference-description = Описание
api-reference-yes = Да
api-reference-no = Нет
api-reference-body = Тело запроса:
api-reference-responses = Ответы
api-reference-status = Код состояния
api-reference-problems = Проблемы
api-reference-problems-lead = Ошибки возвращаются в виде сведений о проблемах по RFC 9457 (application/problem+json); у каждого вида ошибки свой тип (type).
api-problem-bad-request = Неверный запрос
api-problem-bad-request-detail = Не удалось прочитать запрос.
api-problem-json = Тело запроса не соответствует JSON, который принимает эта операция.
api-problem-query = Недопустимый параметр строки запроса.
api-problem-nul = Текст не может содержать символ NUL.
api-problem-cursor = Этот курсор не был выдан этим списком.
api-problem-idempotency-key = Заголовок Idempotency-Key должен содержать UUID.
api-problem-idempotency-key-reused = Этот Idempotency-Key уже был отправлен с другой корзиной. Отправьте тот же заказ ещё раз или создайте новый ключ для нового заказа.
api-problem-unauthorized = Требуется действительный токен API
api-problem-forbidden = Ваши роли не позволяют это сделать
api-problem-forbidden-detail = Для этого требуется одна из следующих ролей: { $roles }.
api-problem-second-factor-required = Сначала настройте двухфакторный вход
api-problem-not-found = Не найдено
api-problem-gone = Больше недоступно
api-problem-domain-taken = Основной домен уже используется
api-problem-out-of-keys = Для продукта не осталось ключей
api-problem-purchase-not-active = Покупка не активна
api-problem-already-decided = По запросу уже принято решение
api-problem-not-a-cancellation = Запрос не является запросом на отмену
api-problem-not-a-cancellation-detail = Одобрить или отклонить можно только запрос на отмену.
api-problem-validation = Введены недопустимые данные
api-problem-too-large = Слишком большой запрос
api-problem-rate-limited = Слишком много запросов
api-problem-rate-limited-detail = Этот токен отправил слишком много запросов; повторите попытку через { $seconds ->
        [one] { $seconds } секунду
        [few] { $seconds } секунды
       *[many] { $seconds } секунд
    }.
api-problem-unavailable = Портал недоступен
api-problem-internal = Что-то пошло не так
api-error-limit = Укажите число от 1 до { $max }.
api-error-status = Выберите одно из значений: active, cancellation_requested, cancelled или cancellable.
api-error-queue-view = Выберите одно из значений: open, submitted, in_progress, approved, rejected, closed или all.
api-error-duplicate-product = Укажите каждый продукт только один раз.
