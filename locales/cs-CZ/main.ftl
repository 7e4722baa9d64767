## Texty portálu v češtině. Každý text, který uživatel vidí, pochází odsud.

app-name = Portál softwaru CSP
skip-to-content = Přejít k obsahu
nav-label = Hlavní navigace
nav-home = Domů
nav-customers = Zákazníci
nav-partners = Partneři
sign-out = Odhlásit se
cancel = Zrušit
save = Uložit
search = Hledat
search-clear = Vymazat hledání
list-or = {" nebo "}
list-comma = {", "}
footer-request-id = ID požadavku: { $id }
status-active = Aktivní
status-deactivated = Deaktivováno
pager-label = Stránky
pager-first = První stránka
pager-next = Další stránka
pager-previous = Předchozí stránka

## Role
role-admin-agent = Agent správce
role-sales-agent = Obchodní agent
role-helpdesk-agent = Agent helpdesku
role-partner-global-admin = Globální správce
role-customer-global-admin = Globální správce zákazníka
role-customer-user = Uživatel zákazníka
role-operator = Operátor

## Přihlášení
sign-in-title = Přihlášení
sign-in-submit = Přihlásit se
field-email = E-mail
field-password = Heslo
sign-in-missing = Zadejte e-mail a heslo.
sign-in-failed = E-mail nebo heslo není správné.
sign-in-throttled = Příliš mnoho neúspěšných pokusů o přihlášení k tomuto účtu nebo z této sítě. Zkuste to znovu za { $wait }. Na zařízení, ze kterého jste se už dříve přihlásili, se můžete přihlásit hned, případně si můžete obnovit heslo.
sign-in-failures-notice = { $count ->
    [one] Od vašeho posledního přihlášení se { $count } pokus o přihlášení k vašemu účtu nezdařil. Pokud jste to nebyli vy, změňte si heslo.
    [few] Od vašeho posledního přihlášení se { $count } pokusy o přihlášení k vašemu účtu nezdařily. Pokud jste to nebyli vy, změňte si heslo.
    [many] Od vašeho posledního přihlášení se { $count } pokusu o přihlášení k vašemu účtu nezdařilo. Pokud jste to nebyli vy, změňte si heslo.
   *[other] Od vašeho posledního přihlášení se { $count } pokusů o přihlášení k vašemu účtu nezdařilo. Pokud jste to nebyli vy, změňte si heslo.
}
code-throttled = Příliš mnoho chybných kódů. Zkuste to znovu za { $wait }.
password-throttled = Příliš mnoho chybných hesel. Zkuste to znovu za { $wait }.
wait-seconds = { $n ->
    [one] { $n } sekundu
    [few] { $n } sekundy
    [many] { $n } sekundy
   *[other] { $n } sekund
}
wait-minutes = { $n ->
    [one] { $n } minutu
    [few] { $n } minuty
    [many] { $n } minuty
   *[other] { $n } minut
}
sign-in-signed-out = Byli jste odhlášeni.

## Úvodní stránka
home-title = Vítejte
home-signed-in-as = Jste přihlášeni za organizaci { $org }.
home-your-roles = Vaše role:
home-nothing-yet = Pro vaši roli tu zatím nic není.
home-partners-hint = Partneři portálu, jejich zákazníci a uživatelé.
home-requests-hint = Servisní požadavky a žádosti o zrušení, které čekají na rozhodnutí.
home-catalog-hint = Produkty, soubory ke stažení a zbývající klíče.
home-activity-hint = Kdo co kdy udělal.

## Zákazníci
customers-title = Zákazníci
customers-add = Přidat zákazníka
customers-search-label = Hledat zákazníky
customers-search-placeholder = Název nebo doména
customers-none = Zatím nemáte žádné zákazníky.
customers-none-matching = Výrazu „{ $q }“ neodpovídá žádný zákazník.
customer-company-name = Název společnosti
customer-primary-domain = Primární doména
customer-primary-domain-hint = Například contoso.onmicrosoft.com
customer-country = Země
customer-country-choose = Vyberte zemi
customer-tenant-guid = ID tenanta
customer-billing-contact = Fakturační kontakt
customer-billing-name = Jméno
customer-billing-email = E-mail
customer-created-at = Vytvořeno
customer-new-title = Nový zákazník
customer-create-submit = Vytvořit zákazníka
customer-tenant-guid-generated = ID tenanta se vygeneruje při vytvoření zákazníka.
customer-created = Zákazník { $name } byl vytvořen.
customer-tabs-label = Zákazník
customer-tab-details = Podrobnosti

## Operátor
partners-title = Partneři
partner-name = Partner
partner-customers = Zákazníci
partner-users = Uživatelé
partner-since = Partnerem od
partner-status = Stav

## Formuláře
form-has-errors = Formulář obsahuje chyby
error-required = Vyplňte toto pole.
error-too-long = Text je příliš dlouhý: použijte nejvýše { $max ->
    [one] { $max } znak
    [few] { $max } znaky
    [many] { $max } znaku
   *[other] { $max } znaků
}.
form-required-note = Pole označená * jsou povinná.
form-required = povinné
error-control-characters = Text obsahuje nepovolené znaky.
error-domain-invalid = Zadejte název domény, například contoso.onmicrosoft.com.
error-domain-taken = Tuto doménu už používá některý z vašich zákazníků.
error-country-invalid = Vyberte zemi ze seznamu.
error-email-invalid = Zadejte e-mailovou adresu, například name@example.com.

## Potvrzení
confirm-final = Tuto akci nelze vrátit zpět.

## Chybové stránky
error-go-home = Přejít na úvodní stránku
error-400-title = Chybný požadavek
error-400 = Požadavku se nepodařilo porozumět. Vraťte se zpět a zkuste to znovu.
error-413-title = Příliš velký požadavek
error-form-too-large = Formulář má celkem více než { $limit }. Vraťte se zpět, odeberte některé přílohy a zkuste to znovu.
error-form-too-many-parts = Formulář má více než { $count ->
    [one] { $count } část
    [few] { $count } části
    [many] { $count } části
   *[other] { $count } částí
}. Vraťte se zpět, znovu načtěte stránku a zkuste to znovu.
error-form-field-too-large = Některé textové pole je delší než { $limit }. Vraťte se zpět, zkraťte ho a zkuste to znovu.
error-form-text-too-large = Textová pole mají dohromady více než { $limit }. Vraťte se zpět, zkraťte je a zkuste to znovu.
error-403-title = Přístup odepřen
error-403-role = K této stránce potřebujete roli { $roles }. Váš účet ji nemá; role přiděluje globální správce vaší organizace.
error-csrf = Platnost formuláře vypršela, nebo formulář nepochází z tohoto webu. Vraťte se zpět, znovu načtěte stránku a zkuste to znovu.
error-404-title = Nenalezeno
error-404 = Nic tu není, nebo k tomu nemáte přístup.
error-500-title = Něco se pokazilo
error-500 = Portál nemohl požadavek dokončit. Zkuste to znovu; pokud potíže přetrvávají, obraťte se na podporu a uveďte ID požadavku.
error-503-title = Dočasně nedostupné
error-503 = Portál se momentálně nemůže připojit ke své databázi. Zkuste to za chvíli znovu.
error-busy = Právě se přihlašuje mnoho uživatelů. Počkejte několik sekund a zkuste to znovu.

## Katalog a objednávky
nav-catalog = Katalog
customer = Zákazník
customer-tab-orders = Objednávky
customer-tab-add-products = Přidat produkty
product = Produkt
product-sku = SKU
product-family = Řada
product-kind = Druh
unit-price = Jednotková cena
quantity = Množství
line-total = Celkem za položku
status = Stav
kind-perpetual = Software s trvalou licencí
kind-subscription = Předplatné softwaru
kind-reserved-instance = Rezervovaná instance
add-products-title = Přidat produkty
add-products-country-note = Zobrazují se produkty, které lze prodávat zákazníkům v zemi { $country }.
add-products-review = Zkontrolovat objednávku
order-quantity-range = Zadejte celé číslo od 1 do 1000, nebo pole nechte prázdné.
order-error-empty = Vyberte alespoň jeden produkt: zadejte u něj množství.
order-error-quantity = Množství produktu { $product } musí být celé číslo od 1 do 1000.
order-error-not-offered = Některý z vybraných produktů se tomuto zákazníkovi nenabízí (v jeho zemi se možná nesmí prodávat). Nic nebylo objednáno.
order-error-currencies = Produkty s cenami v různých měnách nemohou být v jedné objednávce.
order-error-too-large = Celková částka objednávky je příliš vysoká. Rozdělte ji do několika objednávek.
order-error-out-of-keys = Pro produkt { $product } už nezbývají žádné kódy Product Key. Nic nebylo objednáno; zkuste to později, nebo se obraťte na operátory portálu.
review-title = Kontrola objednávky
review-change = Změnit množství
review-billing-note = Odesláním objednávky se vaší organizaci naúčtuje její cena. Odeslaná objednávka je konečná; nákupy lze zrušit jen ve lhůtě pro zrušení stanovené pro daný produkt.
place-order = Odeslat objednávku
order = Objednávka
order-total = Celkem
order-placed-at = Objednáno
order-placed-by = Objednatel
order-placed = Objednávka byla odeslána.
order-already-placed = Tato objednávka už byla odeslána – zobrazujeme ji.
order-next = Co dál
order-next-software = Veškerý software zákazníka { $customer }
order-next-orders = Všechny objednávky tohoto zákazníka
order-next-keys-admins = Klíče a soubory ke stažení k těmto nákupům mohou získat jen agenti správce: požádejte některého z nich.
order-status-placed = Odesláno
order-line-key-assigned = Klíč přiřazen
order-line-key-revoked = Klíč odvolán
orders-none = Zatím žádné objednávky.
subscription-id = ID předplatného
subscription-status-active = Aktivní
subscription-status-cancellation_requested = Požádáno o zrušení
subscription-status-cancelled = Zrušeno
order-refused-title = Objednávka nebyla odeslána
order-refused-nothing-written = Nic nebylo objednáno.
order-refused-back = Zpět na Přidat produkty
catalog-title = Katalog
catalog-variants = Varianty
catalog-files = Soubory
catalog-keys-left = Zbývající klíče
catalog-restricted = Neprodává se v zemích
catalog-restricted-none = Prodává se všude
catalog-no-keys = Bez klíčů
catalog-no-file = (zatím bez souboru)
catalog-low = { $count ->
    [one] Dochází: zbývá { $count } klíč
    [few] Dochází: zbývají { $count } klíče
    [many] Dochází: zbývá { $count } klíče
   *[other] Dochází: zbývá { $count } klíčů
}
catalog-low-warning = { $count ->
    [one] U jednoho produktu docházejí klíče.
    [few] U { $count } produktů docházejí klíče.
    [many] U { $count } produktu docházejí klíče.
   *[other] U { $count } produktů docházejí klíče.
}
catalog-policy = Zásady
catalog-policy-value = Zrušení do { $cancel ->
    [one] { $cancel } dne
    [few] { $cancel } dnů
    [many] { $cancel } dne
   *[other] { $cancel } dnů
}; odkazy platí { $days ->
    [one] { $days } den
    [few] { $days } dny
    [many] { $days } dne
   *[other] { $days } dní
} nebo { $cap ->
    [one] { $cap } stažení
    [few] { $cap } stažení
    [many] { $cap } stažení
   *[other] { $cap } stažení
}
catalog-cli-hint = Stejné nástroje fungují i z příkazového řádku serveru: „csp-portal catalog import FILE“, „csp-portal keys import --product SKU FILE“ a „csp-portal files add“.
variant-version = Verze
variant-language = Jazyk
variant-platform = Bitová verze nebo platforma
file-name = Název souboru
file-size = Velikost
file-sha256 = SHA-256

## Katalogové nástroje operátora (stránky i příkazový řádek sdílejí zprávy
## import- a catalog-error-)
catalog-new = Nový produkt
catalog-new-title = Nový produkt
catalog-edit = Upravit produkt
catalog-edit-title = Úprava produktu { $name }
catalog-created = Produkt { $name } byl přidán do katalogu.
catalog-saved = Změny produktu { $name } byly uloženy.
catalog-add-keys = Přidat klíče
catalog-add-file = Přidat soubor ke stažení
catalog-actions = Akce s produktem
catalog-term = Doba trvání
catalog-term-none = Bez doby trvání
catalog-term-months = { $months ->
    [one] { $months } měsíc
    [few] { $months } měsíce
    [many] { $months } měsíce
   *[other] { $months } měsíců
}
catalog-contents = Obsahuje
catalog-contents-keys = Kódy Product Key
catalog-contents-downloads = Soubory ke stažení
catalog-key-format = Formát klíče
key-format-chars32 = 32 znaků (8 skupin po 4)
key-format-chars25 = 25 znaků (5 skupin po 5)
catalog-low-stock-at = Upozornit na nízkou zásobu při
catalog-form-name = Název
catalog-form-sku-hint = Nejvýše 64 písmen, číslic a znaků „-“ nebo „_“. Označuje produkt na příkazovém řádku a později ho nelze změnit.
catalog-form-family-hint = Produkty stejné řady se zobrazují společně, například Windows Server.
catalog-form-kind-choose = Vyberte druh
catalog-form-term-hint = Předplatná a rezervované instance mají dobu trvání 12 nebo 36 měsíců; software s trvalou licencí dobu trvání nemá.
catalog-form-contents-hint = Rezervované instance neobsahují ani jedno.
catalog-form-price = Jednotková cena
catalog-form-price-hint = V měně uvedené níže, například 6771.00.
catalog-form-currency = Měna
catalog-form-currency-hint = Kód ISO 4217, například USD.
catalog-form-countries-hint = Kódy ISO 3166-1 alpha-2 oddělené čárkami nebo mezerami, například CN, RU. Pokud se má produkt prodávat všude, nechte pole prázdné.
catalog-form-policy = Zásady
catalog-form-policy-hint = Kdy lze nákupy zrušit a jak dlouho a kolikrát lze použít odkaz ke stažení.
catalog-form-cancel-days = Počet dní na zrušení nákupu
catalog-form-link-days = Počet dní platnosti odkazu ke stažení
catalog-form-link-cap = Počet stažení povolených jedním odkazem
catalog-form-low-stock-hint = Katalog upozorní, když zbývá tento počet volných klíčů nebo méně.
catalog-form-variants = Varianty
catalog-form-variants-add = Přidat varianty
catalog-form-variants-hint = Pro každý jazyk se vytvoří jedna varianta s každou zvolenou bitovou verzí nebo platformou.
catalog-form-variants-existing = { $count ->
    [one] Produkt má jednu variantu, která zůstane zachována. Pokud nechcete přidat žádnou další, nechte tato pole prázdná.
    [few] Produkt má { $count } varianty, které zůstanou zachovány. Pokud nechcete přidat žádnou další, nechte tato pole prázdná.
    [many] Produkt má { $count } varianty, které zůstanou zachovány. Pokud nechcete přidat žádnou další, nechte tato pole prázdná.
   *[other] Produkt má { $count } variant, které zůstanou zachovány. Pokud nechcete přidat žádnou další, nechte tato pole prázdná.
}
catalog-form-languages = Jazyky
catalog-form-languages-hint = Jazykové značky BCP 47 oddělené čárkami, například en-US, pl-PL.
catalog-form-platforms = Bitové verze nebo platformy
catalog-form-platforms-hint = Zvolte bitové verze, nebo typy souborů s operačními systémy – ne obojí.
catalog-form-create = Vytvořit produkt
catalog-form-save = Uložit změny
catalog-error-whole-number = Zadejte celé číslo, například 14.
catalog-error-price-format = Zadejte cenu, například 6771.00.
keys-title = Přidat klíče k produktu { $name }
keys-format = { $format } na klíč
keys-file = Soubor s klíči
keys-file-hint = Textový soubor s jedním klíčem na řádku. Pomlčky a mezery mezi skupinami se ignorují, stejně jako prázdné řádky a řádky začínající znakem #. Pokud je kterýkoli řádek chybný, nepřidá se žádný klíč.
keys-file-limit = Nejvýše { $limit }.
keys-submit = Přidat klíče
keys-added = { $count ->
    [one] K produktu { $name } byl přidán jeden klíč. Volné klíče nyní: { $left }.
    [few] K produktu { $name } byly přidány { $count } klíče. Volné klíče nyní: { $left }.
    [many] K produktu { $name } bylo přidáno { $count } klíče. Volné klíče nyní: { $left }.
   *[other] K produktu { $name } bylo přidáno { $count } klíčů. Volné klíče nyní: { $left }.
}
keys-refused = Nebyl přidán žádný klíč: { $count ->
    [one] je třeba opravit jeden řádek.
    [few] je třeba opravit { $count } řádky.
    [many] je třeba opravit { $count } řádku.
   *[other] je třeba opravit { $count } řádků.
}
keys-refused-more = … a { $count ->
    [one] { $count } další.
    [few] { $count } další.
    [many] { $count } dalšího.
   *[other] { $count } dalších.
}
keys-error-choose = Vyberte soubor s klíči, který chcete nahrát.
keys-error-too-large = Soubor s klíči je větší než { $limit }: rozdělte ho a nahrajte části jednu po druhé.
keys-error-not-text = Soubor s klíči není prostý text (UTF-8).
keys-none-for-product = Tento produkt nemá kódy Product Key. Nejprve v úpravách produktu nastavte, že obsahuje klíče.
files-title = Přidat soubor ke stažení k produktu { $name }
files-variant = Varianta
files-variant-choose = Vyberte variantu
files-name = Název pro stažení (nepovinné)
files-name-hint = Název, pod kterým si partneři soubor stáhnou. Pokud pole necháte prázdné, zůstane název nahraného souboru.
files-file = Soubor
files-file-hint = Nahrávání velkých souborů chvíli trvá: nechte tuto stránku otevřenou, dokud nahrávání neskončí. Velikost a SHA-256 se počítají průběžně. Nejvýše { $limit }. Soubor se stejným názvem u této varianty bude nahrazen; jeho odkazy budou fungovat dál.
files-submit = Nahrát soubor
files-added = Soubor { $file } ({ $size }) byl přidán k variantě { $variant }. SHA-256: { $sha256 }
files-error-choose = Vyberte soubor, který chcete nahrát.
files-error-too-large = Soubor je větší než { $limit }.
files-error-variant = Vyberte jednu z variant produktu.
files-error-name = Zadejte název o délce 1 až { $max ->
    [one] { $max } znak
    [few] { $max } znaky
    [many] { $max } znaku
   *[other] { $max } znaků
} bez lomítek a řídicích znaků.
files-error-no-downloads = Produkt { $product } nemá soubory ke stažení.
files-no-downloads = Tento produkt nemá soubory ke stažení. Nejprve v úpravách produktu nastavte, že obsahuje soubory ke stažení.
files-no-variants = Tento produkt zatím nemá žádné varianty. Nejprve je přidejte v úpravách produktu.
import-line = Řádek { $line }: { $message }
import-syntax = { $detail }
keys-error-format-32 = Nejde o klíč ve formátu tohoto produktu: 32 písmen a číslic (skupiny po 4 lze oddělit znakem „-“).
keys-error-format-25 = Nejde o klíč ve formátu tohoto produktu: 25 písmen a číslic (skupiny po 5 lze oddělit znakem „-“).
keys-error-repeated = Stejný klíč jako na řádku { $first }.
keys-error-known = Tento klíč už je v zásobě klíčů.
keys-error-empty = Soubor neobsahuje žádné klíče.
catalog-error-empty = Soubor neobsahuje žádné položky [[product]].
catalog-error-policy-kind = Druh produktu „{ $kind }“, pro který by se nastavily zásady, neexistuje.
catalog-error-sku = Zadejte SKU o délce 1 až { $max ->
    [one] { $max } znak
    [few] { $max } znaky
    [many] { $max } znaku
   *[other] { $max } znaků
} (písmena, číslice, „-“ nebo „_“).
catalog-error-sku-repeated = SKU { $sku } se používá také na řádku { $line }.
catalog-error-sku-taken = Produkt s tímto SKU už existuje.
catalog-error-name = Zadejte název o délce 1 až { $max ->
    [one] { $max } znak
    [few] { $max } znaky
    [many] { $max } znaku
   *[other] { $max } znaků
}.
catalog-error-family = Zadejte řadu o délce 1 až { $max ->
    [one] { $max } znak
    [few] { $max } znaky
    [many] { $max } znaku
   *[other] { $max } znaků
}.
catalog-error-kind = Zvolte druh produktu: software s trvalou licencí (perpetual), předplatné softwaru (subscription) nebo rezervovaná instance (reserved_instance).
catalog-error-term-perpetual = Software s trvalou licencí nemá dobu trvání.
catalog-error-term-required = Předplatná a rezervované instance vyžadují dobu trvání 12 nebo 36 měsíců.
catalog-error-term = Doba trvání musí být 12 nebo 36 měsíců.
catalog-error-ri-contents = Rezervované instance nemají klíče ani soubory ke stažení.
catalog-error-key-format = Formát klíče musí být chars32 (8 skupin po 4) nebo chars25 (5 skupin po 5).
catalog-error-price = Cena nemůže být záporná.
catalog-error-currency = Zadejte měnu jako kód ISO 4217 ze tří velkých písmen, například USD.
catalog-error-country = „{ $code }“ není kód země podle ISO 3166-1 alpha-2.
catalog-error-low-stock = Hranice upozornění na nízkou zásobu nemůže být menší než 0.
catalog-error-cancel-window = Počet dní na zrušení musí být od { $min } do { $max }.
catalog-error-link-lifetime = Počet dní platnosti odkazu musí být od { $min } do { $max }.
catalog-error-link-cap = Počet stažení povolených jedním odkazem musí být od { $min } do { $max }.
catalog-error-no-variants = Produkt se soubory ke stažení potřebuje alespoň jednu variantu: zadejte verzi, jazyky a bitové verze nebo platformy.
catalog-error-version = Zadejte verzi o délce 1 až { $max ->
    [one] { $max } znak
    [few] { $max } znaky
    [many] { $max } znaku
   *[other] { $max } znaků
}.
catalog-error-languages = Zadejte alespoň jeden jazyk.
catalog-error-language = „{ $tag }“ není jazyková značka BCP 47 (například en-US).
catalog-error-platforms = Zvolte alespoň jednu bitovou verzi, nebo alespoň jednu platformu (typ souboru a operační systém), ale ne obojí.
catalog-error-bitness = Bitová verze musí být jedna z hodnot { $values }.
catalog-error-platform = Typ souboru musí být jedna z hodnot { $types } a operační systém jedna z hodnot { $systems }.

## Software, klíče a soubory ke stažení
nav-my-software = Vaše produkty
customer-tab-software = Software
my-software-title = Vaše produkty
my-software-intro = Software zakoupený pro organizaci { $org } včetně kódů Product Key a souborů ke stažení.
software-none = Pro tohoto zákazníka zatím nebyl zakoupen žádný software.
software-purchased = Zakoupeno
software-cancel-until = Lze zrušit do
software-actions = Akce
software-get-keys = Získat klíče a soubory ke stažení
software-get-key = Získat klíč
software-no-match = Této volbě neodpovídá žádný soubor ke stažení. Změňte verzi, jazyk nebo platformu.
software-risk-note = Kopírované odkazy a stažený software představují riziko: kdokoli, kdo má odkaz, si může software stahovat, dokud platnost odkazu nevyprší, a klíče opravňují k instalaci. Sdílejte je jen se správci zákazníka. Klíče a odkazy mohou získat pouze agenti správce.
software-risk-note-own = Stažený software a kódy Product Key představují riziko: klíče opravňují k instalaci. Nesdílejte je s nikým jiným než se svými správci.
software-window-closed = Lhůta uplynula ({ $date })
selector-any = Libovolné
download = Stáhnout
copy-link = Kopírovat odkaz
copy = Kopírovat
copied = Zkopírováno
close = Zavřít
back = Zpět
key-title = Kód Product Key pro { $product }
key-audited = Při každém zobrazení klíče portál zaznamená, kdo si ho zobrazil.
link-made = Nový odkaz ke stažení souboru { $file }. Zkopírujte ho a pošlete zákazníkovi:
link-renewed = Odkaz ke stažení souboru { $file } byl obnoven a adresa zůstala stejná. Zkopírujte ho a pošlete zákazníkovi:
link-limits = Platí do { $date } nebo pro { $cap ->
    [one] { $cap } stažení
    [few] { $cap } stažení
    [many] { $cap } stažení
   *[other] { $cap } stažení
} – podle toho, co nastane dřív.
link-copied = Odkaz ke stažení souboru { $file } je ve schránce.
link-copy-failed = Odkaz se nepodařilo zkopírovat do schránky. Zkopírujte ho z pole v části Odkazy ke stažení.
links-title = Odkazy ke stažení
links-help = Odkaz ke stažení funguje bez přihlášení po dobu { $days ->
    [one] { $days } dne
    [few] { $days } dnů
    [many] { $days } dne
   *[other] { $days } dnů
} nebo pro { $cap ->
    [one] { $cap } stažení
    [few] { $cap } stažení
    [many] { $cap } stažení
   *[other] { $cap } stažení
} – podle toho, co nastane dřív. Pokud u souboru, jehož odkaz ještě platí, zvolíte Kopírovat odkaz, tento odkaz se obnoví: od té chvíle platí { $days ->
    [one] další { $days } den
    [few] další { $days } dny
    [many] dalších { $days } dne
   *[other] dalších { $days } dní
} a { $cap ->
    [one] { $cap } stažení
    [few] { $cap } stažení
    [many] { $cap } stažení
   *[other] { $cap } stažení
} na stejné adrese, takže už odeslaný odkaz funguje dál. Jakmile platnost odkazu vyprší, odkaz se vyčerpá nebo je odvolán, tlačítko Kopírovat odkaz vytvoří nový odkaz s novou adresou.
links-live = Platné odkazy
links-none = Pro tento nákup nejsou žádné platné odkazy.
links-address = Adresa
links-address-unknown = Nezobrazuje se (starší odkaz)
links-created = Vytvořeno
links-by = { $date }, { $name }
links-renewed-by = obnoveno { $date }, { $name }
links-expires = Platnost do
links-downloads = Stažení
links-downloads-before = a { $count ->
    [one] { $count } stažení
    [few] { $count } stažení
    [many] { $count } stažení
   *[other] { $count } stažení
} před posledním obnovením
links-revoke = Odvolat
links-revoked = Odkaz byl odvolán a už nefunguje.
links-revoke-confirm-title = Odvolat tento odkaz ke stažení?
links-revoke-confirm-stops = Odkaz okamžitě přestane fungovat: nikdo, kdo ho má, už soubor nestáhne.
links-revoke-confirm-final = Tuto akci nelze vrátit zpět. Tlačítko Kopírovat odkaz potom vytvoří nový odkaz s novou adresou.
links-revoke-confirm = Odvolat odkaz
links-revoke-keep = Ponechat odkaz
links-revoke-confirm-js = Odvolat odkaz ke stažení souboru { $file }? Okamžitě přestane fungovat pro každého, kdo ho má. Tuto akci nelze vrátit zpět.
links-time-left = zbývá { $days } d { $hours } h
links-history = Odkazy, které už nefungují ({ $count })
links-ended = Ukončeno
link-ended-expired = Platnost vypršela
link-ended-used-up = Vyčerpáno
link-ended-revoked = Odvoláno
links-ended-with-cancellation = { $date }, spolu se zrušením nákupu
links-ended-undated = datum nebylo zaznamenáno
link-expired-title = Platnost tohoto odkazu ke stažení vypršela
link-expired = Odkaz přestal platit { $date }.
link-used-up-title = Tento odkaz ke stažení je vyčerpán
link-used-up = Odkaz už byl použit pro maximální povolený počet stažení.
link-revoked-title = Tento odkaz ke stažení byl odvolán
link-revoked = Odkaz byl odvolán, nebo byl zrušen nákup, ke kterému patří.
link-unknown-title = Tento odkaz ke stažení není platný
link-unknown = Zkontrolujte, zda jste zkopírovali celý odkaz.
link-what-to-do = Požádejte svého softwarového partnera o nový odkaz ke stažení.
error-410-title = Už není k dispozici
error-410 = Tato položka už není k dispozici: nákup byl zrušen, nebo byl jeho klíč odvolán.

## Nahlášení problému, servisní požadavky, zrušení
nav-support = Servisní požadavky
nav-requests = Fronta požadavků
filter = Filtrovat
report-title = Nahlásit problém
report-details = Podrobnosti
report-problem-type = Typ problému
report-choose = Vyberte typ problému
report-impact = Dopad
report-title-field = Název
report-description = Popis
report-refund-fields-note = U zrušení (Nákup a refundace CSP jménem zákazníků) vyplňte níže údaje o nákupu. Rušit lze jen celé nákupy, a to za 100 % zaplacené částky.
report-customer-ref = ID tenanta nebo název domény zákazníka
report-customer-ref-hint = Například contoso.onmicrosoft.com
report-purchase-ref = ID předplatného nebo ID objednávky
report-purchase-ref-hint = ID objednávky určuje nákup jednoznačně jen tehdy, když objednávka obsahuje jediný nákup.
report-refund-reason = Důvod refundace
report-requested-amount = Požadovaná částka
report-requested-amount-hint = Celý nákup: { $amount } (100 %).
report-requested-amount-hint-generic = Celý nákup, 100 % zaplacené částky.
report-contact = Kontakt
report-contact-name = Jméno
report-contact-email = E-mail
report-contact-phone = Telefon
report-files = Soubory
report-add-files = Přidat soubory (nepovinné)
report-files-hint = Nejvýše 5 souborů, každý do 10 MiB a celkem do 25 MiB, těchto typů: { $types }.
report-files-choose-again = Vybrali jste { $names }. Když se formulář vrátí k opravě, soubory se neuchovávají: vyberte je prosím znovu.
report-submit = Odeslat
report-leave = Zpět bez odeslání
report-cancel-title = Zrušení nákupu: { $product }
report-cancelling = Rušíte nákup: { $product }
report-days-left = { $days ->
    [one] Na zrušení zbývá { $days } den, do { $date }.
    [few] Na zrušení zbývají { $days } dny, do { $date }.
    [many] Na zrušení zbývá { $days } dne, do { $date }.
   *[other] Na zrušení zbývá { $days } dní, do { $date }.
}
report-filed = Požadavek { $number } byl odeslán.
report-already-filed = Tento požadavek už byl odeslán – zobrazujeme ho.
problem-type-refund = Nákup a refundace CSP jménem zákazníků
problem-type-billing = Fakturace
problem-type-technical = Technický problém
problem-type-account = Účet a přístup
problem-type-other = Něco jiného
impact-critical = Kritický: práce se zastavila
impact-moderate = Střední: práce se zpomalila
impact-minimal = Minimální: dotaz nebo drobná nepříjemnost
request-number = Požadavek
request-filed = Podáno
request-has-reply = · s odpovědí
request-no-files = Žádné
request-decided-at = Rozhodnuto
request-reply = Odpověď
request-reply-hint = Vaše odpověď partnerovi.
request-reply-hint-refund = Vaše odpověď partnerovi; při zamítnutí je povinná.
request-decide = Rozhodnutí
request-approve = Schválit zrušení
request-reject = Zamítnout
request-close = Uzavřít s odpovědí
request-decided = Rozhodnutí bylo zaznamenáno.
request-already-decided = O tomto požadavku už bylo rozhodnuto; nic se nezměnilo.
requests-none = Žádné servisní požadavky.
request-status-submitted = Odesláno
request-status-in_progress = Zpracovává se
request-status-approved = Schváleno
request-status-rejected = Zamítnuto
request-status-closed = Uzavřeno
error-choose-from-list = Vyberte jednu z možností v seznamu.
error-phone-invalid = Zadejte telefonní číslo o 7 až 15 číslicích, například +1 425 555 0100.
error-customer-unknown = Žádný z vašich zákazníků nemá toto ID tenanta ani doménu.
error-purchase-unknown = Tento zákazník nemá žádný nákup s tímto ID.
error-order-several-lines = Tato objednávka obsahuje více nákupů: zadejte ID předplatného toho, který chcete zrušit.
error-amount-invalid = Zadejte částku, například 1 234,56, nebo 100 %.
error-amount-partial = Rušit lze jen celé nákupy: požadujte přesně 100 % zaplacené částky.
error-window-closed = Lhůta pro zrušení tohoto nákupu už uplynula.
error-purchase-not-active = Tento nákup už je zrušen, nebo k němu existuje otevřená žádost o zrušení.
error-file-too-large = Soubor { $name } je větší než { $limit }.
error-files-too-much = Soubory mají dohromady více než { $limit }.
error-files-too-many = Přidat lze nejvýše { $count ->
    [one] { $count } soubor.
    [few] { $count } soubory.
    [many] { $count } souboru.
   *[other] { $count } souborů.
}
error-file-type = Soubor { $name } nemá povolený typ ({ $types }).
error-reject-reason = Uveďte partnerovi důvod zamítnutí.
software-cancel = Zrušit nákup
software-cancelled-note = Tento nákup byl zrušen: jeho klíč a soubory ke stažení už nejsou k dispozici.
software-days-left = { $days ->
    [one] zbývá { $days } den
    [few] zbývají { $days } dny
    [many] zbývá { $days } dne
   *[other] zbývá { $days } dní
}
software-credited = Dobropisováno { $amount }
software-filters-label = Hledat nákupy
software-search-placeholder = Část názvu produktu
software-filter-cancellable = Nyní lze zrušit
software-sort = Řazení
software-sort-newest = Od nejnovějšího nákupu
software-sort-oldest = Od nejstaršího nákupu
software-none-matching = Tomuto hledání a filtru neodpovídá žádný nákup.
software-role-note = Získat klíče a soubory ke stažení a zrušit nákup může jen uživatel s rolí Agent správce, kterou váš účet nemá; role přiděluje globální správce vaší organizace.
filters-clear = Vymazat filtry
copy-full-id = Kopírovat celé ID { $id }
duration-days-hours = { $days } d { $hours } h
duration-under-an-hour = méně než hodinu
paging-showing = Zobrazeno { $from }–{ $to } z { $total }
paging-showing-many = Zobrazeno { $from }–{ $to } z více než { $cap }
paging-showing-far = { $cap ->
    [one] Za prvním { $cap } výsledkem
   *[other] Za prvními { $cap } výsledky
}
request-take = Převzít
request-take-over = Převzít od kolegy
request-taken = Na požadavku { $number } nyní pracujete vy.
request-already-yours = Na požadavku { $number } už pracujete.
request-taken-by = { $name }, od { $date }
request-decided-credited = Zrušení bylo schváleno: byl vystaven dobropis { $number }.
request-window = Lhůta pro zrušení
request-window-closes = Končí { $date }
request-window-at-filing = při podání zbývalo { $span }
approval-will = Schválením se:
request-approve-confirm-title = Schválit zrušení { $number }?
request-reject-confirm-title = Zamítnout zrušení { $number }?
request-approve-confirm-page = Schválit toto zrušení?
request-reject-confirm-page = Zamítnout toto zrušení?
request-reject-confirm-reply = Partner se dozví, že požadavek byl zamítnut, a jako důvod uvidí vaši odpověď.
request-reject-confirm-stays = Nákup zůstane beze změny: nic se neruší ani nedobropisuje.
request-reject-confirm = Zamítnout zrušení
request-confirm-back = Zpět na požadavek bez rozhodnutí
approval-cancels = zruší nákup { $quantity } × { $product };
approval-credits = připíše { $amount } (100 % nákupu) ve prospěch partnera { $partner } formou číslovaného dobropisu;
approval-revokes-key = odvolá jeho kód Product Key: už nikdy nebude zobrazen ani znovu přidělen;
approval-no-key = (tento nákup nemá kód Product Key, který by bylo možné odvolat);
approval-disables-links = okamžitě zneplatní jeho odkazy ke stažení ({ $count ->
    [one] nyní platí { $count } odkaz
    [few] nyní platí { $count } odkazy
    [many] nyní platí { $count } odkazu
   *[other] nyní platí { $count } odkazů
}).
approval-no-links = zneplatní všechny odkazy ke stažení, které k němu byly vytvořeny (momentálně není platný žádný).
queue-views-label = Požadavky podle stavu
queue-view-open = Otevřené
queue-view-all = Všechny
queue-none = Žádné požadavky.
queue-oldest-first = od nejstaršího
queue-newest-first = od nejnovějšího
queue-action = Akce
queue-waiting = čeká { $span }
credit-note = Dobropis
credit-note-title = Dobropis { $number }
credit-note-issued = Vystaveno
credit-note-issued-by = Vystavitel
credit-note-issued-to = Příjemce
credit-note-settles = Žádost o zrušení
credit-note-approved-on = schváleno { $date }
credit-note-line = Dobropisovaný nákup
credit-note-paid = Zaplaceno
credit-note-credited = Dobropisováno
credit-note-whole-line = 100 % nákupu
credit-note-effects = Nákup je zrušen: jeho kód Product Key byl odvolán a odkazy ke stažení zneplatněny.
purchase-cancellation-rejected = Zrušení zamítnuto
purchase-read-reply = { $number }: přečtěte si odpověď

## Protokol aktivit
nav-activity = Protokol aktivit
activity-title = Protokol aktivit
activity-export = Exportovat CSV
activity-user = Uživatel (e-mail)
activity-action = Akce
activity-from = Od
activity-to = Do
activity-at = Kdy
activity-organisation = Organizace

activity-ip = Adresa
activity-detail = Podrobnosti
activity-none = Filtru neodpovídá žádná aktivita.
activity-error-from = Pole „Od“ musí obsahovat datum, například 2026-11-01.
activity-error-to = Pole „Do“ musí obsahovat datum, například 2026-11-30.
activity-customer = Zákazník (název nebo doména)
activity-error-action = Taková akce neexistuje.
activity-error-customer = Žádný z vašich zákazníků nemá tento název ani doménu.
activity-error-customer-several = Tento název má více vašich zákazníků: zadejte místo něj doménu.
action-sign_in = Přihlášení
action-sign_in_failed = Neúspěšné přihlášení
action-sign_out = Odhlášení
action-password_changed = Změna hesla
action-password_reset = Obnovení hesla
action-second_factor_enabled = Zapnutí dvoufázového přihlášení
action-second_factor_disabled = Vypnutí dvoufázového přihlášení
action-second_factor_required = Dvoufázové přihlášení nastaveno jako povinné
action-second_factor_optional = Dvoufázové přihlášení nastaveno jako volitelné
action-customer_created = Vytvoření zákazníka
action-order_placed = Odeslání objednávky
action-key_revealed = Zobrazení kódu Product Key
action-file_downloaded = Stažení souboru
action-link_created = Vytvoření odkazu ke stažení
action-link_renewed = Obnovení odkazu ke stažení
action-link_revoked = Odvolání odkazu ke stažení
action-link_download_counted = Stažení přes odkaz
action-service_request_filed = Podání servisního požadavku
action-cancellation_requested = Žádost o zrušení
action-cancellation_approved = Schválení zrušení
action-cancellation_rejected = Zamítnutí zrušení
action-service_request_closed = Uzavření servisního požadavku
action-request_taken = Převzetí servisního požadavku
action-user_invited = Pozvání uživatele
action-invitation_accepted = Přijetí pozvánky
action-role_changed = Změna rolí
action-user_deactivated = Deaktivace uživatele
action-user_reactivated = Opětovná aktivace uživatele
action-partner_deactivated = Deaktivace partnera
action-partner_reactivated = Opětovná aktivace partnera
action-demo_loaded = Načtení ukázkových dat
action-product_created = Přidání produktu do katalogu
action-product_updated = Změna produktu
action-keys_added = Přidání kódů Product Key
action-download_file_added = Přidání souboru ke stažení
activity-what = Co se stalo
activity-table-label = Aktivita, od nejnovější
activity-dates-hint = Časy jsou uvedeny v UTC. Pokud váš prohlížeč nezobrazuje kalendář, zadávejte data ve tvaru 2026-11-01.
activity-error-range = Datum „Do“ nemůže být dřívější než datum „Od“.
activity-someone = Někdo
activity-someone-command-line = Někdo na příkazovém řádku serveru
activity-unknown-customer = (neznámý)
activity-unknown-product = (neznámý)
activity-unknown-file = (neznámý)
activity-unknown-user = (neznámý)
activity-unknown-organisation = (neznámá)
activity-unknown-request = (neznámý)
activity-no-roles = žádné
activity-event-sign_in = { $actor } se přihlásil(a)
activity-event-sign_in-totp = { $actor } se přihlásil(a) kódem z ověřovací aplikace
activity-event-sign_in-recovery_code = { $actor } se přihlásil(a) obnovovacím kódem
activity-event-sign_in_failed-bad_credentials = Přihlášení jako { $email } se nezdařilo: nesprávné heslo
activity-event-sign_in_failed-no_account = Přihlášení jako { $email } se nezdařilo: tuto adresu nemá žádný účet
activity-event-sign_in_failed-deactivated = Přihlášení jako { $email } se nezdařilo: účet je deaktivovaný
activity-event-sign_in_failed-second_factor = Přihlášení jako { $email } se nezdařilo: nesprávný kód dvoufázového přihlášení
activity-event-sign_in_failed-throttled = Přihlášení jako { $email } bylo po příliš mnoha neúspěšných pokusech dočasně zablokováno
activity-event-sign_in_failed-other = Přihlášení jako { $email } se nezdařilo
activity-event-sign_out = { $actor } se odhlásil(a)
activity-event-password_changed = { $actor } si změnil(a) heslo
activity-event-password_reset = { $actor } si pomocí odkazu pro obnovení nastavil(a) nové heslo
activity-event-second_factor_enabled = { $actor } si zapnul(a) dvoufázové přihlášení
activity-event-second_factor_disabled = { $actor } si vypnul(a) dvoufázové přihlášení
activity-event-second_factor_required = { $actor } nastavil(a) dvoufázové přihlášení jako povinné pro všechny v organizaci { $organisation }
activity-event-second_factor_optional = { $actor } nastavil(a) dvoufázové přihlášení v organizaci { $organisation } jako volitelné
activity-event-customer_created = { $actor } vytvořil(a) zákazníka { $customer }
activity-event-order_placed = { $actor } odeslal(a) objednávku pro zákazníka { $customer }
activity-event-key_revealed = { $actor } zobrazil(a) klíč produktu { $product } pro zákazníka { $customer }
activity-event-file_downloaded = { $actor } stáhl(a) soubor { $file } produktu { $product } pro zákazníka { $customer }
activity-event-link_created = { $actor } vytvořil(a) odkaz ke stažení souboru { $file } produktu { $product } pro zákazníka { $customer }
activity-event-link_renewed = { $actor } obnovil(a) odkaz ke stažení souboru { $file } produktu { $product } pro zákazníka { $customer }
activity-event-link_revoked = { $actor } odvolal(a) odkaz ke stažení souboru { $file } produktu { $product } pro zákazníka { $customer }
activity-event-link_download_counted = Soubor { $file } produktu { $product } byl stažen přes odkaz poskytnutý zákazníkovi { $customer }
activity-event-service_request_filed = { $actor } podal(a) servisní požadavek { $request }
activity-event-service_request_filed-customer = { $actor } podal(a) servisní požadavek { $request } týkající se zákazníka { $customer }
activity-event-cancellation_requested = { $actor } požádal(a) o zrušení produktu { $product } pro zákazníka { $customer } (požadavek { $request })
activity-event-cancellation_approved = { $actor } schválil(a) zrušení produktu { $product } pro zákazníka { $customer } (požadavek { $request })
activity-event-cancellation_rejected = { $actor } zamítl(a) zrušení produktu { $product } pro zákazníka { $customer } (požadavek { $request })
activity-event-service_request_closed = { $actor } uzavřel(a) servisní požadavek { $request }
activity-event-request_taken = { $actor } převzal(a) servisní požadavek { $request }
activity-event-request_taken-over = { $actor } převzal(a) servisní požadavek { $request } od jiného operátora
activity-event-user_invited = { $actor } pozval(a) { $email } do organizace { $organisation } (role: { $roles })
activity-event-invitation_accepted = { $actor } přijal(a) pozvánku do organizace { $organisation }
activity-event-role_changed = { $actor } změnil(a) role uživatele { $user } na: { $roles }
activity-event-user_deactivated = { $actor } deaktivoval(a) uživatele { $user }
activity-event-user_reactivated = { $actor } znovu aktivoval(a) uživatele { $user }
activity-event-partner_deactivated = { $actor } deaktivoval(a) partnera { $organisation }
activity-event-partner_reactivated = { $actor } znovu aktivoval(a) partnera { $organisation }
activity-event-demo_loaded = Byla načtena ukázková data
activity-event-product_created = { $actor } přidal(a) produkt { $product } do katalogu
activity-event-product_updated = { $actor } změnil(a) produkt { $product } v katalogu
activity-event-keys_added = { $actor } přidal(a) { $count ->
        [one] jeden klíč
        [few] { $count } klíče
        [many] { $count } klíče
       *[other] { $count } klíčů
    } k produktu { $product }
activity-event-download_file_added = { $actor } přidal(a) soubor { $file } k produktu { $product }
activity-detail-record = ID záznamu
activity-detail-domain = Primární doména
activity-detail-products = Produkty
activity-detail-order-line = { $sku } × { $quantity }
activity-detail-purchases = Nákupy
activity-detail-total = Celkem
activity-detail-link-downloads = Dosavadní počet stažení přes odkaz
activity-detail-problem-type = Typ
activity-detail-attachments = Přílohy
activity-detail-credit-note = Dobropis
activity-detail-sku = SKU
activity-detail-version = Verze
activity-detail-language = Jazyk
activity-detail-platform = Platforma
activity-detail-size = Velikost
activity-detail-sha256 = SHA-256
activity-detail-replaced = Nahrazeno
activity-detail-variants-added = Přidané varianty
activity-value-replaced = dřívější soubor se stejným názvem
activity-value-none = žádné
activity-value-yes = ano
activity-value-no = ne
activity-change = { $from } → { $to }
activity-change-name = Název
activity-change-family = Řada
activity-change-kind = Druh
activity-change-term_months = Doba trvání (měsíce)
activity-change-keys = Kódy Product Key
activity-change-downloads = Soubory ke stažení
activity-change-key_format = Formát klíče
activity-change-unit_price_minor = Jednotková cena
activity-change-currency = Měna
activity-change-restricted_countries = Neprodává se v zemích
activity-change-low_stock_at = Upozornit na nízkou zásobu při
activity-change-cancel_window_days = Počet dní na zrušení
activity-change-link_lifetime_days = Počet dní platnosti odkazu
activity-change-link_download_cap = Počet stažení povolených jedním odkazem

## Uživatelé, pozvánky, hesla
nav-users = Uživatelé
users-title = Uživatelé
users-name = Jméno
users-roles = Role
users-save-roles = Uložit role
users-deactivate = Deaktivovat
users-reactivate = Znovu aktivovat
users-roles-saved = Role uživatele { $user } byly uloženy.
users-deactivated = Uživatel { $user } byl deaktivován a odhlášen.
users-deactivate-confirm-title = Deaktivovat uživatele { $name }?
users-deactivate-confirm-signed-out = Uživatel { $name } bude okamžitě odhlášen a už se nebude moci přihlásit.
users-deactivate-confirm-kept = Nic se neodstraní: vše, co uživatel udělal, zůstane v protokolu aktivit a tlačítkem Znovu aktivovat mu můžete přihlášení znovu povolit.
users-deactivate-confirm = Deaktivovat uživatele
users-deactivate-keep = Ponechat uživatele { $name } aktivního
users-deactivate-confirm-js = Deaktivovat uživatele { $name }? Bude okamžitě odhlášen a už se nebude moci přihlásit.
users-reactivated = Uživatel { $user } se může znovu přihlásit.
users-error-last-admin = Partner musí mít alespoň jednoho aktivního globálního správce: nejprve udělte roli Globální správce někomu jinému.
users-error-no-role = Vyberte alespoň jednu roli.
invite-title = Pozvat uživatele
invite-email = E-mailová adresa
invite-email-hint = Odkaz v pozvánce lze použít jen jednou, a to do 7 dnů.
invite-send = Odeslat pozvánku
invite-sent = Pozvánka byla odeslána na adresu { $email }. Pokud tato adresa už má účet, dostane místo pozvánky upozornění, že účet existuje.
partner-new-title = Nový partner
partner-deactivated = Partner byl deaktivován: jeho uživatelé se už nemohou přihlásit.
partner-reactivated = Partner byl znovu aktivován.
customer-invite-admin = Pozvat globálního správce zákazníka
customer-invite-admin-hint = Uvidí klíče a soubory ke stažení tohoto zákazníka, nic jiného.
error-email-taken = Uživatel s touto e-mailovou adresou už existuje.
error-choose-role = Vyberte alespoň jednu roli.
error-partner-taken = Partner s tímto názvem už existuje.
invitation-title = Přijetí pozvánky
invitation-name-required = Zadejte své jméno.
invitation-done = Váš účet je připraven. Přihlaste se novým heslem.
set-password-for = Pro účet { $email }.
password-new = Nové heslo
password-confirm = Nové heslo znovu
password-current = Současné heslo
password-save = Uložit heslo
password-rules = Alespoň 12 znaků. Dobře poslouží delší fráze; běžná hesla nejsou povolena.
password-too-short = Heslo musí mít alespoň 12 znaků.
password-too-long = Heslo může mít nejvýše 128 znaků.
password-common = Toto heslo je příliš běžné: vyskytuje se v seznamech uniklých hesel. Zvolte jiné.
password-contains-email = Heslo nesmí obsahovat vaši e-mailovou adresu.
password-mismatch = Zadaná hesla se neshodují.
password-current-wrong = Současné heslo není správné.
password-change-title = Změna hesla
password-changed = Heslo bylo změněno; ostatní vaše relace byly odhlášeny.
password-reset-done = Heslo bylo obnoveno. Přihlaste se novým heslem.
forgot-link = Zapomněli jste heslo?
forgot-title = Obnovení hesla
forgot-submit = Odeslat odkaz pro obnovení
forgot-sent = Pokud tuto adresu používá některý účet, posíláme na ni odkaz pro obnovení hesla. Odkaz lze použít jen jednou, a to do jedné hodiny.
reset-title = Zvolte nové heslo
mail-invite-subject = Pozvánka do organizace { $org } na Portálu softwaru CSP
mail-invite-body = Dostali jste pozvánku na Portál softwaru CSP za organizaci { $org }. Otevřete tento odkaz a zvolte si heslo (odkaz lze použít jen jednou, a to do { $days ->
    [one] { $days } dne
    [few] { $days } dnů
    [many] { $days } dne
   *[other] { $days } dnů
}): { $link }
mail-invite-existing-subject = Někdo se vás pokusil pozvat do organizace { $org } na Portálu softwaru CSP
mail-invite-existing-body = Někdo pozval tuto adresu do organizace { $org } na Portálu softwaru CSP, ale pro tuto adresu už účet existuje, a proto pozvánka nebyla vytvořena. Přihlaste se jako obvykle: { $link } (pokud potřebujete nové heslo, použijte tam odkaz „Zapomněli jste heslo?“). Pokud jste nic takového nečekali, můžete tento e-mail ignorovat.
mail-reset-subject = Obnovení hesla k Portálu softwaru CSP
mail-reset-body = Někdo požádal o obnovení hesla k tomuto účtu. Otevřete tento odkaz a zvolte si nové heslo (odkaz lze použít jen jednou, a to do { $minutes ->
    [one] { $minutes } minuty
    [few] { $minutes } minut
    [many] { $minutes } minuty
   *[other] { $minutes } minut
}): { $link } Pokud jste o obnovení nežádali, tento e-mail ignorujte.

## Připomínky e-mailem
mail-window-subject = Zbývá 7 dní na zrušení produktu { $product }
mail-window-body = Nákup produktu { $product } pro zákazníka { $customer } lze zrušit ještě { $days ->
    [one] { $days } den
    [few] { $days } dny
    [many] { $days } dne
   *[other] { $days } dní
}, do { $until }. Poté už ho zrušit nepůjde.
mail-links-subject = Odkazy ke stažení, jejichž platnost vyprší { $date }
mail-links-body = Tyto odkazy ke stažení přestanou fungovat { $date } (UTC). Pokud je zákazníci ještě potřebují, zvolte u příslušného souboru v části Získat klíče a soubory ke stažení možnost Kopírovat odkaz: odkaz se tím obnoví a adresa zůstane stejná.
    { $links }

## Dvoufázové přihlášení
code-title = Zadejte přihlašovací kód
code-label = Kód z ověřovací aplikace
code-hint = Šest číslic, nebo jeden z vašich obnovovacích kódů.
code-wrong = Kód není správný, nebo už byl použit.
two-factor-title = Dvoufázové přihlášení
two-factor-on = Dvoufázové přihlášení je zapnuté
two-factor-enable = Zapnout dvoufázové přihlášení
two-factor-disable = Vypnout dvoufázové přihlášení
two-factor-disabled = Dvoufázové přihlášení je vypnuté.
two-factor-scan = Naskenujte tento kód ověřovací aplikací a potom zadejte šest číslic, které aplikace zobrazí, a své heslo.
two-factor-manual = Nebo do aplikace zadejte tento klíč:
two-factor-qr-alt = QR kód pro ověřovací aplikaci
two-factor-must-enrol = Vaše organizace vyžaduje dvoufázové přihlášení: chcete-li pokračovat, nastavte si ho.
two-factor-required-note = Vaše organizace vyžaduje dvoufázové přihlášení, proto ho nelze vypnout.
two-factor-required-cannot-disable = Vaše organizace vyžaduje dvoufázové přihlášení.
two-factor-recovery-title = Vaše obnovovací kódy
two-factor-recovery-hint = Uložte si je na bezpečné místo. Pokud přijdete o telefon, každý z nich lze použít jednou. Zobrazují se pouze teď.
two-factor-require-all = Vyžadovat dvoufázové přihlášení u všech uživatelů tohoto partnera
two-factor-now-required = Dvoufázové přihlášení je nyní povinné pro všechny uživatele této organizace.
two-factor-now-optional = Dvoufázové přihlášení je nyní v této organizaci volitelné.

## API tokens, the API reference and its problems
action-api_token_created = Vytvoření tokenu API
action-api_token_revoked = Odvolání tokenu API
activity-event-api_token_created = { $actor } vytvořil(a) token API
activity-event-api_token_revoked = { $actor } odvolal(a) token API
api-tokens-title = Tokeny API
api-tokens-lead = Osobní token API umožňuje vašim vlastním systémům používat API portálu vaším jménem: s vaší organizací a vašimi rolemi v podobě, v jaké jsou v okamžiku každého požadavku. Uchovávejte ho v tajnosti stejně jako heslo.
api-tokens-made = Váš nový token API
api-tokens-made-once = Zkopírujte si ho hned: zobrazuje se pouze teď. Portál si uchovává jen jeho otisk.
api-tokens-name = Název
api-tokens-name-hint = K čemu slouží, například „Synchronizace fakturace“.
api-tokens-expires-on = Platnost do
api-tokens-expires-hint = Nepovinné. Token přestane fungovat na konci tohoto dne (UTC).
api-tokens-create = Vytvořit token
api-tokens-yours = Vaše tokeny
api-tokens-none = Nemáte žádné tokeny API.
api-tokens-created = Vytvořeno
api-tokens-expires = Platnost do
api-tokens-last-used = Naposledy použito
api-tokens-state = Stav
api-tokens-actions = Akce
api-tokens-never = Nikdy
api-tokens-state-active = Aktivní
api-tokens-state-revoked = Odvoláno
api-tokens-state-expired = Platnost vypršela
api-tokens-revoke = Odvolat
api-tokens-revoked = Token byl odvolán a už nefunguje.
api-tokens-revoke-confirm-title = Odvolat tento token API?
api-tokens-revoke-confirm-stops = Programy a skripty, které ho používají, budou od dalšího požadavku odmítnuty.
api-tokens-revoke-confirm-final = Tuto akci nelze vrátit. Pro to, co token dál potřebuje, vytvořte nový.
api-tokens-revoke-confirm = Odvolat token
api-tokens-revoke-keep = Ponechat token
api-tokens-revoke-confirm-js = Odvolat token API { $name }? Programy, které ho používají, budou od dalšího požadavku odmítnuty. Tuto akci nelze vrátit.
error-token-expiry-past = Zvolte den, který následuje po dnešku.
error-date = Zadejte datum ve tvaru YYYY-MM-DD.
api-reference-title = Referenční dokumentace API
api-reference-lead = Všechny operace rozhraní REST API portálu, načtené z jeho dokumentu OpenAPI 3.1. Token posílejte v hlavičce Authorization: Bearer.
api-reference-document = Dokument OpenAPI (JSON)
api-reference-operations = Operace
api-reference-parameters = Parametry
api-reference-name = Název
api-reference-in = Umístění
api-reference-required = Povinné
api-reference-description = Popis
api-reference-yes = Ano
api-reference-no = Ne
api-reference-body = Tělo požadavku:
api-reference-responses = Odpovědi
api-reference-status = Stav
api-reference-problems = Problémy
api-reference-problems-lead = Chyby se vracejí jako podrobnosti problému podle RFC 9457 (application/problem+json); každý druh chyby má vlastní typ.
api-problem-bad-request = Požadavek má chybný formát
api-problem-bad-request-detail = Požadavek se nepodařilo přečíst.
api-problem-json = Tělo požadavku není JSON, který tato operace přijímá.
api-problem-query = Parametr dotazu není platný.
api-problem-nul = Text nesmí obsahovat znak NUL.
api-problem-cursor = Tento kurzor nepochází z tohoto seznamu.
api-problem-idempotency-key = Hlavička Idempotency-Key musí obsahovat UUID.
api-problem-idempotency-key-reused = Tento Idempotency-Key už byl odeslán s jiným košíkem. Odešlete znovu stejnou objednávku, nebo pro novou objednávku vytvořte nový klíč.
api-problem-unauthorized = Je vyžadován platný token API
api-problem-forbidden = Vaše role toto neumožňují
api-problem-forbidden-detail = K tomu je potřeba jedna z těchto rolí: { $roles }.
api-problem-second-factor-required = Nejprve si nastavte dvoufázové přihlášení
api-problem-not-found = Nenalezeno
api-problem-gone = Už není k dispozici
api-problem-domain-taken = Primární doména už je obsazená
api-problem-out-of-keys = U produktu došly klíče
api-problem-purchase-not-active = Nákup není aktivní
api-problem-already-decided = O požadavku už bylo rozhodnuto
api-problem-not-a-cancellation = Požadavek není žádostí o zrušení
api-problem-not-a-cancellation-detail = Schválit nebo zamítnout lze jen žádosti o zrušení.
api-problem-validation = Vstup není platný
api-problem-too-large = Požadavek je příliš velký
api-problem-rate-limited = Příliš mnoho požadavků
api-problem-rate-limited-detail = Tento token odeslal příliš mnoho požadavků; zkuste to znovu za { $seconds ->
    [one] { $seconds } sekundu
    [few] { $seconds } sekundy
    [many] { $seconds } sekundy
   *[other] { $seconds } sekund
}.
api-problem-unavailable = Portál není k dispozici
api-problem-internal = Něco se pokazilo
api-error-limit = Zvolte číslo od 1 do { $max }.
api-error-status = Zvolte active, cancellation_requested, cancelled nebo cancellable.
api-error-queue-view = Zvolte open, submitted, in_progress, approved, rejected, closed nebo all.
api-error-duplicate-product = Každý produkt uveďte jen jednou.
