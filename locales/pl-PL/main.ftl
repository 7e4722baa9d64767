## Komunikaty portalu w języku polskim. Każdy tekst widoczny dla użytkownika pochodzi z tego pliku.

app-name = Portal oprogramowania CSP
skip-to-content = Przejdź do treści
nav-label = Menu główne
nav-home = Strona główna
nav-customers = Klienci
nav-partners = Partnerzy
sign-out = Wyloguj się
cancel = Anuluj
save = Zapisz
search = Szukaj
search-clear = Wyczyść wyszukiwanie
list-or = {" lub "}
list-comma = {", "}
footer-request-id = Identyfikator żądania: { $id }
status-active = Aktywny
status-deactivated = Dezaktywowany
pager-label = Strony
pager-first = Pierwsza strona
pager-next = Następna strona
pager-previous = Poprzednia strona

## Role
role-admin-agent = Agent administracyjny
role-sales-agent = Agent sprzedaży
role-helpdesk-agent = Agent pomocy technicznej
role-partner-global-admin = Administrator globalny
role-customer-global-admin = Administrator globalny klienta
role-customer-user = Użytkownik klienta
role-operator = Operator

## Logowanie
sign-in-title = Logowanie
sign-in-submit = Zaloguj się
field-email = Adres e-mail
field-password = Hasło
sign-in-missing = Wprowadź adres e-mail i hasło.
sign-in-failed = Nieprawidłowy adres e-mail lub hasło.
sign-in-throttled = Zbyt wiele nieudanych prób logowania na to konto lub z tej sieci. Spróbuj ponownie za { $wait }. Na urządzeniu, na którym logowano się już wcześniej, można zalogować się od razu. Można też zresetować hasło.
sign-in-failures-notice = { $count ->
    [one] Od ostatniego logowania odnotowano 1 nieudaną próbę zalogowania się na to konto. Jeśli to nie była Twoja próba, zmień hasło.
    [few] Od ostatniego logowania odnotowano { $count } nieudane próby zalogowania się na to konto. Jeśli to nie były Twoje próby, zmień hasło.
    [many] Od ostatniego logowania odnotowano { $count } nieudanych prób zalogowania się na to konto. Jeśli to nie były Twoje próby, zmień hasło.
   *[other] Od ostatniego logowania odnotowano { $count } nieudanych prób zalogowania się na to konto. Jeśli to nie były Twoje próby, zmień hasło.
}
code-throttled = Zbyt wiele nieprawidłowych kodów. Spróbuj ponownie za { $wait }.
password-throttled = Zbyt wiele nieprawidłowych haseł. Spróbuj ponownie za { $wait }.
wait-seconds = { $n ->
    [one] { $n } sekundę
    [few] { $n } sekundy
    [many] { $n } sekund
   *[other] { $n } s
}
wait-minutes = { $n ->
    [one] { $n } minutę
    [few] { $n } minuty
    [many] { $n } minut
   *[other] { $n } min
}
sign-in-signed-out = Wylogowano.

## Strona główna
home-title = Witamy
home-signed-in-as = Zalogowano w imieniu organizacji { $org }.
home-your-roles = Twoje role:
home-nothing-yet = Dla Twojej roli nie ma tu jeszcze nic.
home-partners-hint = Partnerzy portalu, ich klienci i użytkownicy.
home-requests-hint = Zgłoszenia serwisowe i anulowania oczekujące na decyzję.
home-catalog-hint = Produkty, pliki do pobrania i pozostałe klucze.
home-activity-hint = Kto, co i kiedy zrobił.

## Klienci
customers-title = Klienci
customers-add = Dodaj klienta
customers-search-label = Szukaj klientów
customers-search-placeholder = Nazwa lub domena
customers-none = Nie ma jeszcze klientów.
customers-none-matching = Żaden klient nie pasuje do wyszukiwania „{ $q }”.
customer-company-name = Nazwa firmy
customer-primary-domain = Domena podstawowa
customer-primary-domain-hint = Na przykład contoso.onmicrosoft.com
customer-country = Kraj
customer-country-choose = Wybierz kraj
customer-tenant-guid = Identyfikator dzierżawy
customer-billing-contact = Kontakt ds. rozliczeń
customer-billing-name = Imię i nazwisko
customer-billing-email = Adres e-mail
customer-created-at = Utworzono
customer-new-title = Nowy klient
customer-create-submit = Utwórz klienta
customer-tenant-guid-generated = Identyfikator dzierżawy zostanie wygenerowany podczas tworzenia klienta.
customer-created = Utworzono klienta { $name }.
customer-tabs-label = Klient
customer-tab-details = Szczegóły

## Operator
partners-title = Partnerzy
partner-name = Partner
partner-customers = Klienci
partner-users = Użytkownicy
partner-since = Od
partner-status = Stan

## Formularze
form-has-errors = Wystąpił problem
error-required = Wypełnij to pole.
error-too-long = Tekst jest za długi. Wpisz maksymalnie { $max ->
    [one] { $max } znak
    [few] { $max } znaki
    [many] { $max } znaków
   *[other] { $max } znaków
}.
form-required-note = Pola oznaczone * są wymagane.
form-required = wymagane
error-control-characters = Tekst zawiera niedozwolone znaki.
error-domain-invalid = Wprowadź nazwę domeny, na przykład contoso.onmicrosoft.com.
error-domain-taken = Ta domena jest już używana przez jednego z Twoich klientów.
error-country-invalid = Wybierz kraj z listy.
error-email-invalid = Wprowadź adres e-mail, na przykład name@example.com.

## Potwierdzenia
confirm-final = Tej operacji nie można cofnąć.

## Strony błędów
error-go-home = Przejdź do strony startowej
error-400-title = Nieprawidłowe żądanie
error-400 = Nie udało się zinterpretować żądania. Wróć i spróbuj ponownie.
error-413-title = Za duży rozmiar
error-form-too-large = Łączny rozmiar formularza przekracza { $limit }. Wróć, usuń część załączników i spróbuj ponownie.
error-form-too-many-parts = Formularz składa się z więcej niż { $count ->
    [one] { $count } części
    [few] { $count } części
    [many] { $count } części
   *[other] { $count } części
}. Wróć, odśwież stronę i spróbuj ponownie.
error-form-field-too-large = Jedno z pól tekstowych jest dłuższe niż { $limit }. Wróć, skróć jego treść i spróbuj ponownie.
error-form-text-too-large = Pola tekstowe mają łącznie więcej niż { $limit }. Wróć, skróć ich treść i spróbuj ponownie.
error-403-title = Brak dostępu
error-403-role = Ta strona wymaga roli: { $roles }. Twoje konto nie ma tej roli. Role przydziela administrator globalny Twojej organizacji.
error-csrf = Ten formularz wygasł lub nie pochodzi z tej witryny. Wróć, odśwież stronę i spróbuj ponownie.
error-404-title = Nie znaleziono
error-404 = Nic tu nie ma albo nie masz do tego dostępu.
error-500-title = Coś poszło nie tak
error-500 = Portal nie mógł zrealizować żądania. Spróbuj ponownie. Jeśli problem będzie się powtarzał, skontaktuj się z pomocą techniczną i podaj identyfikator żądania.
error-503-title = Usługa chwilowo niedostępna
error-503 = Portal nie może teraz połączyć się z bazą danych. Spróbuj ponownie za chwilę.
error-busy = W tej chwili loguje się wiele osób. Odczekaj kilka sekund i spróbuj ponownie.

## Katalog i zamówienia
nav-catalog = Katalog
customer = Klient
customer-tab-orders = Zamówienia
customer-tab-add-products = Dodaj produkty
product = Produkt
product-sku = SKU
product-family = Rodzina
product-kind = Rodzaj
unit-price = Cena jednostkowa
quantity = Ilość
line-total = Wartość pozycji
status = Stan
kind-perpetual = Oprogramowanie wieczyste
kind-subscription = Subskrypcja oprogramowania
kind-reserved-instance = Wystąpienie zarezerwowane
add-products-title = Dodaj produkty
add-products-country-note = Wyświetlane są produkty, które można sprzedawać klientom z kraju: { $country }.
add-products-review = Przejrzyj zamówienie
order-quantity-range = Wpisz liczbę całkowitą od 1 do 1000 lub pozostaw pole puste.
order-error-empty = Wybierz co najmniej jeden produkt, wpisując obok niego ilość.
order-error-quantity = Ilość produktu { $product } musi być liczbą całkowitą od 1 do 1000.
order-error-not-offered = Jeden z wybranych produktów nie jest oferowany temu klientowi (może nie być dostępny w sprzedaży w jego kraju). Nic nie zostało zamówione.
order-error-currencies = Produkty wycenione w różnych walutach nie mogą znaleźć się w jednym zamówieniu.
order-error-too-large = Łączna wartość zamówienia jest za duża. Podziel je na kilka zamówień.
order-error-out-of-keys = Nie ma już kluczy produktu dla produktu { $product }. Nic nie zostało zamówione. Spróbuj ponownie później lub skontaktuj się z operatorami portalu.
review-title = Przegląd zamówienia
review-change = Zmień ilości
review-billing-note = Złożenie zamówienia powoduje obciążenie Twojej organizacji. Złożone zamówienie jest ostateczne. Zakup można anulować tylko w okresie na anulowanie określonym dla danego produktu.
place-order = Złóż zamówienie
order = Zamówienie
order-total = Razem
order-placed-at = Złożono
order-placed-by = Złożone przez
order-placed = Zamówienie zostało złożone.
order-already-placed = To zamówienie zostało już złożone. Oto jego szczegóły.
order-next = Co dalej
order-next-software = Całe oprogramowanie klienta { $customer }
order-next-orders = Wszystkie zamówienia tego klienta
order-next-keys-admins = Klucze i pliki do pobrania dla tych zakupów są dostępne dla agentów administracyjnych. Poproś jednego z nich o ich pobranie.
order-status-placed = Złożone
order-line-key-assigned = Klucz przypisany
order-line-key-revoked = Klucz odwołany
orders-none = Nie ma jeszcze zamówień.
subscription-id = Identyfikator subskrypcji
subscription-status-active = Aktywna
subscription-status-cancellation_requested = Zgłoszono anulowanie
subscription-status-cancelled = Anulowana
order-refused-title = Zamówienie nie zostało złożone
order-refused-nothing-written = Nic nie zostało zamówione.
order-refused-back = Wróć do dodawania produktów
catalog-title = Katalog
catalog-variants = Warianty
catalog-files = Pliki
catalog-keys-left = Pozostałe klucze
catalog-restricted = Bez sprzedaży w krajach
catalog-restricted-none = Sprzedaż we wszystkich krajach
catalog-no-keys = Bez kluczy
catalog-no-file = (brak pliku)
catalog-low = { $count ->
    [one] { $count } klucz – niski stan
    [few] { $count } klucze – niski stan
    [many] { $count } kluczy – niski stan
   *[other] { $count } kluczy – niski stan
}
catalog-low-warning = { $count ->
    [one] W przypadku jednego produktu kończą się klucze.
    [few] W przypadku { $count } produktów kończą się klucze.
    [many] W przypadku { $count } produktów kończą się klucze.
   *[other] W przypadku { $count } produktów kończą się klucze.
}
catalog-policy = Zasady
catalog-policy-value = Anulowanie w ciągu { $cancel ->
    [one] { $cancel } dnia
    [few] { $cancel } dni
    [many] { $cancel } dni
   *[other] { $cancel } dni
}; linki działają przez { $days ->
    [one] { $days } dzień
    [few] { $days } dni
    [many] { $days } dni
   *[other] { $days } dni
} lub do { $cap ->
    [one] { $cap } pobrania
    [few] { $cap } pobrań
    [many] { $cap } pobrań
   *[other] { $cap } pobrań
}
catalog-cli-hint = Te same narzędzia są dostępne w wierszu poleceń serwera: „csp-portal catalog import FILE”, „csp-portal keys import --product SKU FILE” oraz „csp-portal files add”.
variant-version = Wersja
variant-language = Język
variant-platform = Bitowość lub platforma
file-name = Nazwa pliku
file-size = Rozmiar
file-sha256 = SHA-256

## Narzędzia katalogu dla operatora (strony i wiersz poleceń korzystają ze wspólnych
## komunikatów import- i catalog-error-)
catalog-new = Nowy produkt
catalog-new-title = Nowy produkt
catalog-edit = Edytuj produkt
catalog-edit-title = Edycja produktu { $name }
catalog-created = Produkt { $name } został dodany do katalogu.
catalog-saved = Zmiany w produkcie { $name } zostały zapisane.
catalog-add-keys = Dodaj klucze
catalog-add-file = Dodaj plik do pobrania
catalog-actions = Akcje produktu
catalog-term = Okres
catalog-term-none = Bez okresu
catalog-term-months = { $months ->
    [one] { $months } miesiąc
    [few] { $months } miesiące
    [many] { $months } miesięcy
   *[other] { $months } miesięcy
}
catalog-contents = Zawartość
catalog-contents-keys = Klucze produktu
catalog-contents-downloads = Pliki do pobrania
catalog-key-format = Format klucza
key-format-chars32 = 32 znaki (8 grup po 4)
key-format-chars25 = 25 znaków (5 grup po 5)
catalog-low-stock-at = Ostrzeżenie o niskim stanie od
catalog-form-name = Nazwa
catalog-form-sku-hint = Maksymalnie 64 litery, cyfry, znaki „-” lub „_”. Identyfikuje produkt w wierszu poleceń i nie można go później zmienić.
catalog-form-family-hint = Produkty z tej samej rodziny są wyświetlane razem, na przykład Windows Server.
catalog-form-kind-choose = Wybierz rodzaj
catalog-form-term-hint = Subskrypcje i wystąpienia zarezerwowane obowiązują przez 12 lub 36 miesięcy. Oprogramowanie wieczyste nie ma okresu obowiązywania.
catalog-form-contents-hint = Wystąpienia zarezerwowane nie mają ani kluczy, ani plików do pobrania.
catalog-form-price = Cena jednostkowa
catalog-form-price-hint = W walucie podanej poniżej, na przykład 6771.00.
catalog-form-currency = Waluta
catalog-form-currency-hint = Kod ISO 4217, na przykład USD.
catalog-form-countries-hint = Kody ISO 3166-1 alpha-2 rozdzielone przecinkami lub spacjami, na przykład CN, RU. Pozostaw puste, aby sprzedawać we wszystkich krajach.
catalog-form-policy = Zasady
catalog-form-policy-hint = Do kiedy można anulować zakup i jak długo działa link do pobrania.
catalog-form-cancel-days = Liczba dni na anulowanie zakupu
catalog-form-link-days = Liczba dni działania linku do pobrania
catalog-form-link-cap = Limit pobrań przez jeden link
catalog-form-low-stock-hint = Katalog wyświetli ostrzeżenie, gdy liczba wolnych kluczy spadnie do tej wartości lub poniżej.
catalog-form-variants = Warianty
catalog-form-variants-add = Dodaj warianty
catalog-form-variants-hint = Dla każdego języka zostanie utworzony osobny wariant z każdą wybraną bitowością lub platformą.
catalog-form-variants-existing = { $count ->
    [one] Produkt ma jeden wariant, który zostanie zachowany. Pozostaw te pola puste, aby nie dodawać nowych.
    [few] Produkt ma { $count } warianty, które zostaną zachowane. Pozostaw te pola puste, aby nie dodawać nowych.
    [many] Produkt ma { $count } wariantów, które zostaną zachowane. Pozostaw te pola puste, aby nie dodawać nowych.
   *[other] Produkt ma { $count } wariantów, które zostaną zachowane. Pozostaw te pola puste, aby nie dodawać nowych.
}
catalog-form-languages = Języki
catalog-form-languages-hint = Tagi BCP 47 rozdzielone przecinkami, na przykład en-US, pl-PL.
catalog-form-platforms = Bitowość lub platformy
catalog-form-platforms-hint = Wybierz bitowość albo typy plików z systemami operacyjnymi – nie jedno i drugie.
catalog-form-create = Utwórz produkt
catalog-form-save = Zapisz zmiany
catalog-error-whole-number = Wpisz liczbę całkowitą, na przykład 14.
catalog-error-price-format = Wpisz cenę, na przykład 6771.00.
keys-title = Dodawanie kluczy do produktu { $name }
keys-format = { $format } na klucz
keys-file = Plik z kluczami
keys-file-hint = Plik tekstowy z jednym kluczem w wierszu. Łączniki i spacje między grupami są pomijane, podobnie jak puste wiersze i wiersze zaczynające się od znaku #. Jeśli którykolwiek wiersz jest błędny, nie zostanie dodany żaden klucz.
keys-file-limit = Maksymalnie { $limit }.
keys-submit = Dodaj klucze
keys-added = { $count ->
    [one] Do produktu { $name } dodano jeden klucz. Wolne klucze: { $left }.
    [few] Do produktu { $name } dodano { $count } klucze. Wolne klucze: { $left }.
    [many] Do produktu { $name } dodano { $count } kluczy. Wolne klucze: { $left }.
   *[other] Do produktu { $name } dodano { $count } kluczy. Wolne klucze: { $left }.
}
keys-refused = Nie dodano żadnego klucza: { $count ->
    [one] jeden wiersz wymaga poprawienia.
    [few] { $count } wiersze wymagają poprawienia.
    [many] { $count } wierszy wymaga poprawienia.
   *[other] { $count } wierszy wymaga poprawienia.
}
keys-refused-more = … i { $count ->
    [one] jeszcze jeden wiersz.
    [few] jeszcze { $count } wiersze.
    [many] jeszcze { $count } wierszy.
   *[other] jeszcze { $count } wierszy.
}
keys-error-choose = Wybierz plik z kluczami do przesłania.
keys-error-too-large = Plik z kluczami jest większy niż { $limit }. Podziel go i prześlij części jedną po drugiej.
keys-error-not-text = Plik z kluczami nie jest zwykłym plikiem tekstowym (UTF-8).
keys-none-for-product = Ten produkt nie ma kluczy produktu. Najpierw zmień ustawienia produktu, aby korzystał z kluczy.
files-title = Dodawanie pliku do pobrania do produktu { $name }
files-variant = Wariant
files-variant-choose = Wybierz wariant
files-name = Nazwa pliku do pobrania (opcjonalnie)
files-name-hint = Nazwa, pod którą partnerzy pobiorą plik. Pozostaw puste, aby zachować nazwę przesłanego pliku.
files-file = Plik
files-file-hint = Przesyłanie dużych plików trwa dłużej: nie zamykaj tej strony, dopóki się nie zakończy. Rozmiar i skrót SHA-256 są obliczane w trakcie przesyłania. Maksymalnie { $limit }. Plik o tej samej nazwie w danym wariancie zostanie zastąpiony, a jego linki będą nadal działać.
files-submit = Prześlij plik
files-added = Plik { $file } ({ $size }) został dodany do wariantu { $variant }. SHA-256: { $sha256 }
files-error-choose = Wybierz plik do przesłania.
files-error-too-large = Plik jest większy niż { $limit }.
files-error-variant = Wybierz jeden z wariantów produktu.
files-error-name = Podaj nazwę o długości od 1 do { $max ->
    [one] { $max } znaku
    [few] { $max } znaków
    [many] { $max } znaków
   *[other] { $max } znaków
} bez ukośników i znaków sterujących.
files-error-no-downloads = Produkt { $product } nie ma plików do pobrania.
files-no-downloads = Ten produkt nie ma plików do pobrania. Najpierw zmień ustawienia produktu, aby korzystał z plików do pobrania.
files-no-variants = Ten produkt nie ma jeszcze wariantów. Najpierw edytuj produkt i dodaj warianty.
import-line = Wiersz { $line }: { $message }
import-syntax = { $detail }
keys-error-format-32 = To nie jest klucz w formacie tego produktu: 32 litery i cyfry (grupy po 4 znaki mogą być rozdzielone znakiem „-”).
keys-error-format-25 = To nie jest klucz w formacie tego produktu: 25 liter i cyfr (grupy po 5 znaków mogą być rozdzielone znakiem „-”).
keys-error-repeated = Ten sam klucz co w wierszu { $first }.
keys-error-known = Ten klucz jest już w magazynie kluczy.
keys-error-empty = Plik nie zawiera żadnych kluczy.
catalog-error-empty = Plik nie zawiera wpisów [[product]].
catalog-error-policy-kind = Nie istnieje rodzaj produktu „{ $kind }”, dla którego można by ustawić zasady.
catalog-error-sku = Wpisz SKU o długości od 1 do { $max ->
    [one] { $max } znaku
    [few] { $max } znaków
    [many] { $max } znaków
   *[other] { $max } znaków
} (litery, cyfry, „-” lub „_”).
catalog-error-sku-repeated = SKU { $sku } jest też użyte w wierszu { $line }.
catalog-error-sku-taken = Produkt o tym SKU już istnieje.
catalog-error-name = Wpisz nazwę o długości od 1 do { $max ->
    [one] { $max } znaku
    [few] { $max } znaków
    [many] { $max } znaków
   *[other] { $max } znaków
}.
catalog-error-family = Wpisz rodzinę o długości od 1 do { $max ->
    [one] { $max } znaku
    [few] { $max } znaków
    [many] { $max } znaków
   *[other] { $max } znaków
}.
catalog-error-kind = Wybierz rodzaj produktu: oprogramowanie wieczyste (perpetual), subskrypcja oprogramowania (subscription) lub wystąpienie zarezerwowane (reserved_instance).
catalog-error-term-perpetual = Oprogramowanie wieczyste nie ma okresu obowiązywania.
catalog-error-term-required = Subskrypcje i wystąpienia zarezerwowane wymagają okresu 12 lub 36 miesięcy.
catalog-error-term = Okres musi wynosić 12 lub 36 miesięcy.
catalog-error-ri-contents = Wystąpienia zarezerwowane nie mają kluczy ani plików do pobrania.
catalog-error-key-format = Format klucza musi mieć wartość chars32 (8 grup po 4) lub chars25 (5 grup po 5).
catalog-error-price = Cena nie może być ujemna.
catalog-error-currency = Podaj walutę jako trzyliterowy kod ISO 4217 pisany wielkimi literami, na przykład USD.
catalog-error-country = „{ $code }” nie jest kodem kraju ISO 3166-1 alpha-2.
catalog-error-low-stock = Próg ostrzeżenia o niskim stanie nie może być mniejszy niż 0.
catalog-error-cancel-window = Okres na anulowanie musi wynosić od { $min } do { $max ->
    [one] { $max } dnia
    [few] { $max } dni
    [many] { $max } dni
   *[other] { $max } dni
}.
catalog-error-link-lifetime = Link musi działać od { $min } do { $max ->
    [one] { $max } dnia
    [few] { $max } dni
    [many] { $max } dni
   *[other] { $max } dni
}.
catalog-error-link-cap = Link musi umożliwiać od { $min } do { $max ->
    [one] { $max } pobrania
    [few] { $max } pobrań
    [many] { $max } pobrań
   *[other] { $max } pobrań
}.
catalog-error-no-variants = Produkt z plikami do pobrania wymaga co najmniej jednego wariantu: podaj wersję, języki oraz bitowość lub platformy.
catalog-error-version = Wpisz wersję o długości od 1 do { $max ->
    [one] { $max } znaku
    [few] { $max } znaków
    [many] { $max } znaków
   *[other] { $max } znaków
}.
catalog-error-languages = Podaj co najmniej jeden język.
catalog-error-language = „{ $tag }” nie jest tagiem języka BCP 47, takim jak en-US.
catalog-error-platforms = Wybierz co najmniej jedną bitowość albo co najmniej jedną platformę (typ pliku i system operacyjny), ale nie jedno i drugie.
catalog-error-bitness = Bitowość musi mieć jedną z wartości: { $values }.
catalog-error-platform = Typ pliku musi mieć jedną z wartości: { $types }, a system operacyjny jedną z wartości: { $systems }.

## Oprogramowanie, klucze i pliki do pobrania
nav-my-software = Twoje produkty
customer-tab-software = Oprogramowanie
my-software-title = Twoje produkty
my-software-intro = Oprogramowanie kupione dla organizacji { $org } wraz z kluczami produktu i plikami do pobrania.
software-none = Dla tego klienta nie kupiono jeszcze żadnego oprogramowania.
software-purchased = Data zakupu
software-cancel-until = Anulowanie możliwe do
software-actions = Akcje
software-get-keys = Pobierz klucze i pliki do pobrania
software-get-key = Pobierz klucz
software-no-match = Żaden plik do pobrania nie odpowiada temu wyborowi. Zmień wersję, język lub platformę.
software-risk-note = Kopiowanie linków i pobieranie oprogramowania wiąże się z ryzykiem: każdy, kto ma link, może pobierać oprogramowanie aż do jego wygaśnięcia, a klucze dają prawo do instalacji. Udostępniaj je wyłącznie administratorom klienta. Klucze i linki mogą pobierać tylko agenci administracyjni.
software-risk-note-own = Pobieranie oprogramowania i kluczy produktu wiąże się z ryzykiem: klucze dają prawo do instalacji. Udostępniaj je wyłącznie swoim administratorom.
software-window-closed = Zamknięte ({ $date })
selector-any = Wszystkie
download = Pobierz
copy-link = Kopiuj link
copy = Kopiuj
copied = Skopiowano
close = Zamknij
back = Wstecz
key-title = Klucz produktu { $product }
key-audited = Każde wyświetlenie klucza jest rejestrowane w portalu wraz z informacją, kto go zobaczył.
link-made = Utworzono nowy link do pobrania pliku { $file }. Skopiuj go i wyślij klientowi:
link-renewed = Link do pobrania pliku { $file } został odnowiony pod tym samym adresem. Skopiuj go i wyślij klientowi:
link-limits = Link działa do { $date } lub przez { $cap ->
    [one] { $cap } pobranie
    [few] { $cap } pobrania
    [many] { $cap } pobrań
   *[other] { $cap } pobrań
}, zależnie od tego, co nastąpi wcześniej.
link-copied = Link do pobrania pliku { $file } został skopiowany do schowka.
link-copy-failed = Nie udało się skopiować linku do schowka. Skopiuj go z pola w sekcji Linki do pobrania.
links-title = Linki do pobrania
links-help = Link do pobrania działa bez logowania przez { $days ->
    [one] { $days } dzień
    [few] { $days } dni
    [many] { $days } dni
   *[other] { $days } dni
} lub { $cap ->
    [one] { $cap } pobranie
    [few] { $cap } pobrania
    [many] { $cap } pobrań
   *[other] { $cap } pobrań
}, zależnie od tego, co nastąpi wcześniej. Kliknięcie przycisku Kopiuj link przy pliku, którego link nadal działa, odnawia ten link: licząc od tej chwili, działa on ponownie przez { $days ->
    [one] { $days } dzień
    [few] { $days } dni
    [many] { $days } dni
   *[other] { $days } dni
} i { $cap ->
    [one] { $cap } pobranie
    [few] { $cap } pobrania
    [many] { $cap } pobrań
   *[other] { $cap } pobrań
} pod tym samym adresem, więc wysłany już link nadal działa. Gdy link wygaśnie, zostanie wykorzystany lub odwołany, przycisk Kopiuj link tworzy nowy link z nowym adresem.
links-live = Aktywne linki
links-none = Brak aktywnych linków dla tego zakupu.
links-address = Adres
links-address-unknown = Niewyświetlany (starszy link)
links-created = Utworzono
links-by = { $date } ({ $name })
links-renewed-by = odnowiono { $date } ({ $name })
links-expires = Wygasa
links-downloads = Pobrania
links-downloads-before = oraz { $count ->
    [one] { $count } pobranie
    [few] { $count } pobrania
    [many] { $count } pobrań
   *[other] { $count } pobrań
} przed ostatnim odnowieniem
links-revoke = Odwołaj
links-revoked = Link został odwołany i już nie działa.
links-revoke-confirm-title = Odwołać ten link do pobrania?
links-revoke-confirm-stops = Link natychmiast przestanie działać: nikt, kto go ma, nie będzie już mógł pobrać pliku.
links-revoke-confirm-final = Tej operacji nie można cofnąć. Przycisk Kopiuj link utworzy wtedy nowy link pod nowym adresem.
links-revoke-confirm = Odwołaj link
links-revoke-keep = Zachowaj link
links-revoke-confirm-js = Odwołać link do pobrania pliku { $file }? Link natychmiast przestanie działać dla wszystkich, którzy go mają. Tej operacji nie można cofnąć.
links-time-left = jeszcze { $days ->
    [one] { $days } dzień
    [few] { $days } dni
    [many] { $days } dni
   *[other] { $days } dni
} { $hours ->
    [one] { $hours } godzina
    [few] { $hours } godziny
    [many] { $hours } godzin
   *[other] { $hours } godzin
}
links-history = Nieaktywne linki ({ $count })
links-ended = Zakończono
link-ended-expired = Wygasł
link-ended-used-up = Wykorzystany
link-ended-revoked = Odwołany
links-ended-with-cancellation = { $date }, wraz z anulowaniem zakupu
links-ended-undated = data nie została zarejestrowana
link-expired-title = Ten link do pobrania wygasł
link-expired = Link przestał działać { $date }.
link-used-up-title = Ten link do pobrania został wykorzystany
link-used-up = Osiągnięto limit pobrań dla tego linku.
link-revoked-title = Ten link do pobrania został odwołany
link-revoked = Link został wycofany lub zakup, którego dotyczy, został anulowany.
link-unknown-title = Ten link do pobrania jest nieprawidłowy
link-unknown = Sprawdź, czy skopiowano cały link.
link-what-to-do = Poproś swojego partnera dostarczającego oprogramowanie o nowy link do pobrania.
error-410-title = Zasób nie jest już dostępny
error-410 = Ten zasób nie jest już dostępny: zakup został anulowany lub jego klucz został odwołany.

## Zgłaszanie problemów, zgłoszenia serwisowe, anulowania
nav-support = Zgłoszenia serwisowe
nav-requests = Kolejka zgłoszeń
filter = Filtruj
report-title = Zgłoś problem
report-details = Szczegóły
report-problem-type = Typ problemu
report-choose = Wybierz typ problemu
report-impact = Wpływ
report-title-field = Tytuł
report-description = Opis
report-refund-fields-note = W przypadku anulowania (zakup CSP/zwrot w imieniu klientów) podaj poniżej dane zakupu. Anulować można tylko cały zakup, ze zwrotem 100% zapłaconej kwoty.
report-customer-ref = Identyfikator dzierżawy lub nazwa domeny klienta
report-customer-ref-hint = Na przykład contoso.onmicrosoft.com
report-purchase-ref = Identyfikator subskrypcji lub zamówienia
report-purchase-ref-hint = Identyfikator zamówienia wskazuje zakup tylko wtedy, gdy zamówienie obejmuje jeden zakup.
report-refund-reason = Przyczyna zwrotu środków
report-requested-amount = Żądana kwota
report-requested-amount-hint = Cały zakup: { $amount } (100%).
report-requested-amount-hint-generic = Cały zakup, 100% zapłaconej kwoty.
report-contact = Kontakt
report-contact-name = Imię i nazwisko
report-contact-email = Adres e-mail
report-contact-phone = Telefon
report-files = Pliki
report-add-files = Dodaj pliki (opcjonalnie)
report-files-hint = Maksymalnie 5 plików, każdy do 10 MiB, łącznie do 25 MiB, w formatach: { $types }.
report-files-choose-again = Wybrane pliki: { $names }. Pliki nie są zachowywane po ponownym wyświetleniu formularza – wybierz je jeszcze raz.
report-submit = Prześlij
report-leave = Wróć bez przesyłania
report-cancel-title = Anulowanie zakupu: { $product }
report-cancelling = Anulowanie produktu { $product }
report-days-left = { $days ->
    [one] Na anulowanie pozostał 1 dzień, do { $date }.
    [few] Na anulowanie pozostały { $days } dni, do { $date }.
    [many] Na anulowanie pozostało { $days } dni, do { $date }.
   *[other] Na anulowanie pozostało { $days } dni, do { $date }.
}
report-filed = Zgłoszenie { $number } zostało przesłane.
report-already-filed = To zgłoszenie zostało już przesłane. Oto jego szczegóły.
problem-type-refund = Zakup CSP/zwrot w imieniu klientów
problem-type-billing = Rozliczenia
problem-type-technical = Problem techniczny
problem-type-account = Konto i dostęp
problem-type-other = Inny problem
impact-critical = Krytyczny: praca została wstrzymana
impact-moderate = Umiarkowany: praca jest spowolniona
impact-minimal = Minimalny: pytanie lub niedogodność
request-number = Zgłoszenie
request-filed = Przesłano
request-has-reply = · udzielono odpowiedzi
request-no-files = Brak
request-decided-at = Data decyzji
request-reply = Odpowiedź
request-reply-hint = Twoja odpowiedź dla partnera.
request-reply-hint-refund = Twoja odpowiedź dla partnera – wymagana w przypadku odrzucenia.
request-decide = Decyzja
request-approve = Zatwierdź anulowanie
request-reject = Odrzuć
request-close = Zamknij z odpowiedzią
request-decided = Decyzja została zapisana.
request-already-decided = W sprawie tego zgłoszenia podjęto już decyzję. Nic nie zostało zmienione.
requests-none = Brak zgłoszeń serwisowych.
request-status-submitted = Przesłane
request-status-in_progress = W toku
request-status-approved = Zatwierdzone
request-status-rejected = Odrzucone
request-status-closed = Zamknięte
error-choose-from-list = Wybierz pozycję z listy.
error-phone-invalid = Wpisz numer telefonu składający się z 7–15 cyfr, na przykład +48 22 555 01 00.
error-customer-unknown = Żaden z Twoich klientów nie ma takiego identyfikatora dzierżawy ani domeny.
error-purchase-unknown = Ten klient nie ma zakupu o takim identyfikatorze.
error-order-several-lines = To zamówienie obejmuje kilka zakupów: podaj identyfikator subskrypcji zakupu, który chcesz anulować.
error-amount-invalid = Wpisz kwotę, na przykład 1 234,56, lub 100%.
error-amount-partial = Anulować można tylko cały zakup: zażądaj dokładnie 100% zapłaconej kwoty.
error-window-closed = Okres na anulowanie tego zakupu już minął.
error-purchase-not-active = Ten zakup został już anulowany lub istnieje dla niego otwarte zgłoszenie anulowania.
error-file-too-large = Plik { $name } jest większy niż { $limit }.
error-files-too-much = Łączny rozmiar plików przekracza { $limit }.
error-files-too-many = Można dodać maksymalnie { $count ->
    [one] { $count } plik
    [few] { $count } pliki
    [many] { $count } plików
   *[other] { $count } plików
}.
error-file-type = Nie można dodać pliku { $name } – niedozwolony typ pliku (dozwolone: { $types }).
error-reject-reason = Podaj partnerowi przyczynę odrzucenia.
software-cancel = Anuluj zakup
software-cancelled-note = Ten zakup został anulowany: jego klucz i pliki do pobrania nie są już dostępne.
software-days-left = { $days ->
    [one] Pozostał 1 dzień
    [few] Pozostały { $days } dni
    [many] Pozostało { $days } dni
   *[other] Pozostało { $days } dni
}
software-credited = Uznano: { $amount }
software-filters-label = Wyszukiwanie zakupów
software-search-placeholder = Fragment nazwy produktu
software-filter-cancellable = Do anulowania teraz
software-sort = Sortuj
software-sort-newest = Od najnowszego zakupu
software-sort-oldest = Od najstarszego zakupu
software-none-matching = Żaden zakup nie pasuje do tego wyszukiwania i filtra.
software-role-note = Pobieranie kluczy i plików do pobrania oraz anulowanie zakupów wymaga roli Agent administracyjny, której Twoje konto nie ma. Role przydziela administrator globalny Twojej organizacji.
filters-clear = Wyczyść filtry
copy-full-id = Kopiuj pełny identyfikator { $id }
duration-days-hours = { $days ->
    [one] { $days } dzień
    [few] { $days } dni
    [many] { $days } dni
   *[other] { $days } dni
} { $hours ->
    [one] { $hours } godzina
    [few] { $hours } godziny
    [many] { $hours } godzin
   *[other] { $hours } godzin
}
duration-under-an-hour = mniej niż godzina
paging-showing = Wyświetlanie { $from }–{ $to } z { $total }
paging-showing-many = Wyświetlanie { $from }–{ $to } z ponad { $cap }
paging-showing-far = { $cap ->
    [one] Poza pierwszym wynikiem
    [few] Poza pierwszymi { $cap } wynikami
    [many] Poza pierwszymi { $cap } wynikami
   *[other] Poza pierwszymi { $cap } wynikami
}
request-take = Przejmij
request-take-over = Przejmij od innego operatora
request-taken = Zajmujesz się teraz zgłoszeniem { $number }.
request-already-yours = Już zajmujesz się zgłoszeniem { $number }.
request-taken-by = { $name }, od { $date }
request-decided-credited = Anulowanie zatwierdzone: wystawiono notę uznaniową { $number }.
request-window = Okres na anulowanie
request-window-closes = Kończy się { $date }
request-window-at-filing = W chwili przesłania pozostało: { $span }
approval-will = Zatwierdzenie spowoduje:
request-approve-confirm-title = Zatwierdzić anulowanie { $number }?
request-reject-confirm-title = Odrzucić anulowanie { $number }?
request-approve-confirm-page = Zatwierdzić to anulowanie?
request-reject-confirm-page = Odrzucić to anulowanie?
request-reject-confirm-reply = Partner otrzyma informację o odrzuceniu zgłoszenia, a Twoja odpowiedź zostanie podana jako przyczyna.
request-reject-confirm-stays = Zakup pozostanie bez zmian: nic nie zostanie anulowane ani uznane.
request-reject-confirm = Odrzuć anulowanie
request-confirm-back = Wróć do zgłoszenia bez podejmowania decyzji
approval-cancels = anulowanie zakupu: { $quantity } × { $product };
approval-credits = uznanie kwoty { $amount } (100% zakupu) na rzecz partnera { $partner } z numerowaną notą uznaniową;
approval-revokes-key = odwołanie klucza produktu: nie zostanie on już nigdy wyświetlony ani ponownie przydzielony;
approval-no-key = (ten zakup nie ma klucza produktu do odwołania);
approval-disables-links = natychmiastowe wyłączenie linków do pobrania ({ $count ->
    [one] obecnie aktywny: { $count }
    [few] obecnie aktywne: { $count }
    [many] obecnie aktywnych: { $count }
   *[other] obecnie aktywnych: { $count }
}).
approval-no-links = wyłączenie wszystkich linków do pobrania utworzonych dla tego zakupu (obecnie żaden nie jest aktywny).
queue-views-label = Zgłoszenia według stanu
queue-view-open = Otwarte
queue-view-all = Wszystkie
queue-none = Brak zgłoszeń.
queue-oldest-first = od najstarszych
queue-newest-first = od najnowszych
queue-action = Akcja
queue-waiting = oczekuje: { $span }
credit-note = Nota uznaniowa
credit-note-title = Nota uznaniowa { $number }
credit-note-issued = Data wystawienia
credit-note-issued-by = Wystawca
credit-note-issued-to = Odbiorca
credit-note-settles = Zgłoszenie anulowania
credit-note-approved-on = zatwierdzone { $date }
credit-note-line = Uznany zakup
credit-note-paid = Zapłacono
credit-note-credited = Uznano
credit-note-whole-line = 100% zakupu
credit-note-effects = Zakup został anulowany: jego klucz produktu został odwołany, a linki do pobrania wyłączone.
purchase-cancellation-rejected = Anulowanie odrzucone
purchase-read-reply = { $number }: przeczytaj odpowiedź

## Dziennik aktywności
nav-activity = Dziennik aktywności
activity-title = Dziennik aktywności
activity-export = Eksportuj do CSV
activity-user = Użytkownik (adres e-mail)
activity-action = Akcja
activity-from = Od
activity-to = Do
activity-at = Kiedy
activity-organisation = Organizacja

activity-ip = Adres
activity-detail = Szczegóły
activity-none = Brak pasującej aktywności.
activity-error-from = Pole „Od” musi zawierać datę, na przykład 2026-11-01.
activity-error-to = Pole „Do” musi zawierać datę, na przykład 2026-11-30.
activity-customer = Klient (nazwa lub domena)
activity-error-action = Taka akcja nie istnieje.
activity-error-customer = Żaden z Twoich klientów nie ma takiej nazwy ani domeny.
activity-error-customer-several = Kilku Twoich klientów ma taką nazwę – wpisz domenę.
action-sign_in = Zalogowano
action-sign_in_failed = Nieudane logowanie
action-sign_out = Wylogowano
action-password_changed = Zmieniono hasło
action-password_reset = Zresetowano hasło
action-second_factor_enabled = Włączono logowanie dwuskładnikowe
action-second_factor_disabled = Wyłączono logowanie dwuskładnikowe
action-second_factor_required = Wprowadzono wymóg logowania dwuskładnikowego
action-second_factor_optional = Logowanie dwuskładnikowe ustawiono jako opcjonalne
action-customer_created = Utworzono klienta
action-order_placed = Złożono zamówienie
action-key_revealed = Wyświetlono klucz produktu
action-file_downloaded = Pobrano plik
action-link_created = Utworzono link do pobrania
action-link_renewed = Odnowiono link do pobrania
action-link_revoked = Odwołano link do pobrania
action-link_download_counted = Pobranie przez link
action-service_request_filed = Przesłano zgłoszenie serwisowe
action-cancellation_requested = Zgłoszono anulowanie
action-cancellation_approved = Zatwierdzono anulowanie
action-cancellation_rejected = Odrzucono anulowanie
action-service_request_closed = Zamknięto zgłoszenie serwisowe
action-request_taken = Przejęto zgłoszenie serwisowe
action-user_invited = Zaproszono użytkownika
action-invitation_accepted = Przyjęto zaproszenie
action-role_changed = Zmieniono role
action-user_deactivated = Dezaktywowano użytkownika
action-user_reactivated = Ponownie aktywowano użytkownika
action-partner_deactivated = Dezaktywowano partnera
action-partner_reactivated = Ponownie aktywowano partnera
action-demo_loaded = Załadowano dane demonstracyjne
action-product_created = Dodano produkt do katalogu
action-product_updated = Zmieniono produkt
action-keys_added = Dodano klucze produktu
action-download_file_added = Dodano plik do pobrania
activity-what = Zdarzenie
activity-table-label = Aktywność, od najnowszej
activity-dates-hint = Czas podawany jest w UTC. Jeśli przeglądarka nie wyświetla kalendarza, wpisz datę w formacie 2026-11-01.
activity-error-range = Data „Do” nie może być wcześniejsza niż data „Od”.
activity-someone = (nieznany)
activity-someone-command-line = (wiersz poleceń serwera)
activity-unknown-customer = (nieznany)
activity-unknown-product = (nieznany)
activity-unknown-file = (nieznany)
activity-unknown-user = (nieznany)
activity-unknown-organisation = (nieznana)
activity-unknown-request = (nieznane)
activity-no-roles = brak
activity-event-sign_in = Użytkownik { $actor } zalogował się
activity-event-sign_in-totp = Użytkownik { $actor } zalogował się przy użyciu kodu z aplikacji uwierzytelniającej
activity-event-sign_in-recovery_code = Użytkownik { $actor } zalogował się przy użyciu kodu odzyskiwania
activity-event-sign_in_failed-bad_credentials = Nieudane logowanie jako { $email }: nieprawidłowe hasło
activity-event-sign_in_failed-no_account = Nieudane logowanie jako { $email }: nie ma konta o tym adresie
activity-event-sign_in_failed-deactivated = Nieudane logowanie jako { $email }: konto jest dezaktywowane
activity-event-sign_in_failed-second_factor = Nieudane logowanie jako { $email }: nieprawidłowy kod drugiego składnika
activity-event-sign_in_failed-throttled = Logowanie jako { $email } zostało wstrzymane po zbyt wielu nieudanych próbach
activity-event-sign_in_failed-other = Nieudane logowanie jako { $email }
activity-event-sign_out = Użytkownik { $actor } wylogował się
activity-event-password_changed = Użytkownik { $actor } zmienił swoje hasło
activity-event-password_reset = Użytkownik { $actor } ustawił nowe hasło za pomocą linku do resetowania
activity-event-second_factor_enabled = Użytkownik { $actor } włączył logowanie dwuskładnikowe
activity-event-second_factor_disabled = Użytkownik { $actor } wyłączył logowanie dwuskładnikowe
activity-event-second_factor_required = Użytkownik { $actor } wprowadził wymóg logowania dwuskładnikowego dla wszystkich w organizacji { $organisation }
activity-event-second_factor_optional = Użytkownik { $actor } ustawił logowanie dwuskładnikowe jako opcjonalne w organizacji { $organisation }
activity-event-customer_created = Użytkownik { $actor } utworzył klienta { $customer }
activity-event-order_placed = Użytkownik { $actor } złożył zamówienie dla klienta { $customer }
activity-event-key_revealed = Użytkownik { $actor } wyświetlił klucz produktu { $product } dla klienta { $customer }
activity-event-file_downloaded = Użytkownik { $actor } pobrał plik { $file } produktu { $product } dla klienta { $customer }
activity-event-link_created = Użytkownik { $actor } utworzył link do pobrania pliku { $file } produktu { $product } dla klienta { $customer }
activity-event-link_renewed = Użytkownik { $actor } odnowił link do pobrania pliku { $file } produktu { $product } dla klienta { $customer }
activity-event-link_revoked = Użytkownik { $actor } odwołał link do pobrania pliku { $file } produktu { $product } dla klienta { $customer }
activity-event-link_download_counted = Plik { $file } produktu { $product } został pobrany za pomocą linku udostępnionego klientowi { $customer }
activity-event-service_request_filed = Użytkownik { $actor } przesłał zgłoszenie serwisowe { $request }
activity-event-service_request_filed-customer = Użytkownik { $actor } przesłał zgłoszenie serwisowe { $request } dotyczące klienta { $customer }
activity-event-cancellation_requested = Użytkownik { $actor } zgłosił anulowanie produktu { $product } dla klienta { $customer } (zgłoszenie { $request })
activity-event-cancellation_approved = Użytkownik { $actor } zatwierdził anulowanie produktu { $product } dla klienta { $customer } (zgłoszenie { $request })
activity-event-cancellation_rejected = Użytkownik { $actor } odrzucił anulowanie produktu { $product } dla klienta { $customer } (zgłoszenie { $request })
activity-event-service_request_closed = Użytkownik { $actor } zamknął zgłoszenie serwisowe { $request }
activity-event-request_taken = Użytkownik { $actor } przejął zgłoszenie serwisowe { $request }
activity-event-request_taken-over = Użytkownik { $actor } przejął zgłoszenie serwisowe { $request } od innego operatora
activity-event-user_invited = Użytkownik { $actor } zaprosił { $email } do organizacji { $organisation } (role: { $roles })
activity-event-invitation_accepted = Użytkownik { $actor } przyjął zaproszenie i dołączył do organizacji { $organisation }
activity-event-role_changed = Użytkownik { $actor } zmienił role użytkownika { $user } na: { $roles }
activity-event-user_deactivated = Użytkownik { $actor } dezaktywował użytkownika { $user }
activity-event-user_reactivated = Użytkownik { $actor } ponownie aktywował użytkownika { $user }
activity-event-partner_deactivated = Użytkownik { $actor } dezaktywował partnera { $organisation }
activity-event-partner_reactivated = Użytkownik { $actor } ponownie aktywował partnera { $organisation }
activity-event-demo_loaded = Załadowano dane demonstracyjne
activity-event-product_created = Użytkownik { $actor } dodał produkt { $product } do katalogu
activity-event-product_updated = Użytkownik { $actor } zmienił produkt { $product } w katalogu
activity-event-keys_added = Użytkownik { $actor } dodał { $count ->
        [one] jeden klucz
        [few] { $count } klucze
        [many] { $count } kluczy
       *[other] { $count } kluczy
    } do produktu { $product }
activity-event-download_file_added = Użytkownik { $actor } dodał plik { $file } do produktu { $product }
activity-detail-record = Identyfikator rekordu
activity-detail-domain = Domena podstawowa
activity-detail-products = Produkty
activity-detail-order-line = { $sku } × { $quantity }
activity-detail-purchases = Zakupy
activity-detail-total = Razem
activity-detail-link-downloads = Dotychczasowe pobrania przez link
activity-detail-problem-type = Typ
activity-detail-attachments = Załączniki
activity-detail-credit-note = Nota uznaniowa
activity-detail-sku = SKU
activity-detail-version = Wersja
activity-detail-language = Język
activity-detail-platform = Platforma
activity-detail-size = Rozmiar
activity-detail-sha256 = SHA-256
activity-detail-replaced = Zastąpiono
activity-detail-variants-added = Dodane warianty
activity-value-replaced = wcześniejszy plik o tej samej nazwie
activity-value-none = brak
activity-value-yes = tak
activity-value-no = nie
activity-change = { $from } → { $to }
activity-change-name = Nazwa
activity-change-family = Rodzina
activity-change-kind = Rodzaj
activity-change-term_months = Okres (miesiące)
activity-change-keys = Klucze produktu
activity-change-downloads = Pliki do pobrania
activity-change-key_format = Format klucza
activity-change-unit_price_minor = Cena jednostkowa
activity-change-currency = Waluta
activity-change-restricted_countries = Bez sprzedaży w krajach
activity-change-low_stock_at = Ostrzeżenie o niskim stanie od
activity-change-cancel_window_days = Liczba dni na anulowanie
activity-change-link_lifetime_days = Liczba dni działania linku
activity-change-link_download_cap = Limit pobrań przez link

## Użytkownicy, zaproszenia, hasła
nav-users = Użytkownicy
users-title = Użytkownicy
users-name = Imię i nazwisko
users-roles = Role
users-save-roles = Zapisz role
users-deactivate = Dezaktywuj
users-reactivate = Aktywuj ponownie
users-roles-saved = Role użytkownika { $user } zostały zapisane.
users-deactivated = Użytkownik { $user } został dezaktywowany i wylogowany.
users-deactivate-confirm-title = Dezaktywować użytkownika { $name }?
users-deactivate-confirm-signed-out = Użytkownik { $name } zostanie natychmiast wylogowany i nie będzie mógł się już zalogować.
users-deactivate-confirm-kept = Nic nie zostanie usunięte: działania tego użytkownika pozostaną w dzienniku aktywności, a przycisk Aktywuj ponownie przywróci mu możliwość logowania.
users-deactivate-confirm = Dezaktywuj użytkownika
users-deactivate-keep = Nie dezaktywuj użytkownika { $name }
users-deactivate-confirm-js = Dezaktywować użytkownika { $name }? Zostanie on natychmiast wylogowany i nie będzie mógł się już zalogować.
users-reactivated = Użytkownik { $user } może znowu się logować.
users-error-last-admin = Partner musi mieć co najmniej jednego aktywnego administratora globalnego. Najpierw nadaj rolę administratora globalnego innej osobie.
users-error-no-role = Wybierz co najmniej jedną rolę.
invite-title = Zaproś użytkownika
invite-email = Adres e-mail
invite-email-hint = Z linku w zaproszeniu można skorzystać jeden raz w ciągu 7 dni.
invite-send = Wyślij zaproszenie
invite-sent = Zaproszenie zostało wysłane na adres { $email }. Jeśli z tym adresem jest już powiązane konto, zamiast zaproszenia zostanie wysłana odpowiednia informacja.
partner-new-title = Nowy partner
partner-deactivated = Partner został dezaktywowany: jego użytkownicy nie mogą się już logować.
partner-reactivated = Partner został ponownie aktywowany.
customer-invite-admin = Zaproś administratora globalnego klienta
customer-invite-admin-hint = Będzie widzieć klucze i pliki do pobrania tego klienta – nic więcej.
error-email-taken = Użytkownik o tym adresie e-mail już istnieje.
error-choose-role = Wybierz co najmniej jedną rolę.
error-partner-taken = Partner o tej nazwie już istnieje.
invitation-title = Przyjmij zaproszenie
invitation-name-required = Wpisz swoje imię i nazwisko.
invitation-done = Konto jest gotowe. Zaloguj się przy użyciu nowego hasła.
set-password-for = Dla adresu { $email }.
password-new = Nowe hasło
password-confirm = Powtórz nowe hasło
password-current = Obecne hasło
password-save = Zapisz hasło
password-rules = Co najmniej 12 znaków. Dobrze sprawdzają się długie frazy. Popularne hasła są odrzucane.
password-too-short = Hasło musi mieć co najmniej 12 znaków.
password-too-long = Hasło może mieć maksymalnie 128 znaków.
password-common = To hasło jest zbyt popularne: występuje na listach haseł, które wyciekły. Wybierz inne.
password-contains-email = Hasło nie może zawierać Twojego adresu e-mail.
password-mismatch = Hasła się różnią.
password-current-wrong = Obecne hasło jest nieprawidłowe.
password-change-title = Zmiana hasła
password-changed = Hasło zostało zmienione. Pozostałe sesje zostały wylogowane.
password-reset-done = Hasło zostało zresetowane. Zaloguj się przy użyciu nowego hasła.
forgot-link = Nie pamiętasz hasła?
forgot-title = Resetowanie hasła
forgot-submit = Wyślij link do resetowania
forgot-sent = Jeśli z tym adresem jest powiązane konto, wysłaliśmy na niego link do resetowania hasła. Z linku można skorzystać jeden raz w ciągu godziny.
reset-title = Wybierz nowe hasło
mail-invite-subject = Zaproszenie do organizacji { $org } w Portalu oprogramowania CSP
mail-invite-body = Otrzymujesz zaproszenie do Portalu oprogramowania CSP w imieniu organizacji { $org }. Otwórz ten link, aby ustawić hasło (z linku można skorzystać jeden raz w ciągu { $days ->
    [one] { $days } dnia
    [few] { $days } dni
    [many] { $days } dni
   *[other] { $days } dni
}): { $link }
mail-invite-existing-subject = Próba zaproszenia do organizacji { $org } w Portalu oprogramowania CSP
mail-invite-existing-body = Ktoś zaprosił ten adres do organizacji { $org } w Portalu oprogramowania CSP, ale z tym adresem jest już powiązane konto, więc zaproszenie nie zostało utworzone. Zaloguj się jak zwykle: { $link } (jeśli potrzebujesz nowego hasła, użyj tam opcji „Nie pamiętasz hasła?”). Jeśli nie spodziewasz się tej wiadomości, możesz ją zignorować.
mail-reset-subject = Resetowanie hasła do Portalu oprogramowania CSP
mail-reset-body = Otrzymaliśmy prośbę o zresetowanie hasła do tego konta. Otwórz ten link, aby ustawić nowe hasło (z linku można skorzystać jeden raz w ciągu { $minutes ->
    [one] { $minutes } minuty
    [few] { $minutes } minut
    [many] { $minutes } minut
   *[other] { $minutes } minut
}): { $link } Jeśli ta prośba nie pochodzi od Ciebie, zignoruj tę wiadomość.

## Przypomnienia e-mail
mail-window-subject = Zostało 7 dni na anulowanie zakupu: { $product }
mail-window-body = Zakup produktu { $product } dla klienta { $customer } można anulować jeszcze przez { $days ->
    [one] { $days } dzień
    [few] { $days } dni
    [many] { $days } dni
   *[other] { $days } dni
}, do { $until }. Po tym terminie anulowanie nie będzie już możliwe.
mail-links-subject = Linki do pobrania wygasające { $date }
mail-links-body = Te linki do pobrania przestaną działać { $date } (UTC). Jeśli klienci nadal ich potrzebują, kliknij Kopiuj link przy danym pliku w sekcji Pobierz klucze i pliki do pobrania – link zostanie odnowiony pod tym samym adresem.
    { $links }

## Logowanie dwuskładnikowe
code-title = Wpisz kod logowania
code-label = Kod z aplikacji uwierzytelniającej
code-hint = Sześć cyfr lub jeden z kodów odzyskiwania.
code-wrong = Ten kod jest nieprawidłowy lub został już użyty.
two-factor-title = Logowanie dwuskładnikowe
two-factor-on = Logowanie dwuskładnikowe jest włączone
two-factor-enable = Włącz logowanie dwuskładnikowe
two-factor-disable = Wyłącz logowanie dwuskładnikowe
two-factor-disabled = Logowanie dwuskładnikowe jest wyłączone.
two-factor-scan = Zeskanuj ten kod w aplikacji uwierzytelniającej, a następnie wpisz wyświetlone w niej sześć cyfr oraz swoje hasło.
two-factor-manual = Możesz też wpisać ten klucz w aplikacji:
two-factor-qr-alt = Kod QR dla aplikacji uwierzytelniającej
two-factor-must-enrol = Twoja organizacja wymaga logowania dwuskładnikowego. Skonfiguruj je, aby kontynuować.
two-factor-required-note = Twoja organizacja wymaga logowania dwuskładnikowego, więc nie można go wyłączyć.
two-factor-required-cannot-disable = Twoja organizacja wymaga logowania dwuskładnikowego.
two-factor-recovery-title = Kody odzyskiwania
two-factor-recovery-hint = Przechowuj je w bezpiecznym miejscu. Każdy z nich działa jeden raz, jeśli utracisz telefon. Są wyświetlane tylko teraz.
two-factor-require-all = Wymagaj logowania dwuskładnikowego od wszystkich użytkowników tego partnera
two-factor-now-required = Logowanie dwuskładnikowe jest teraz wymagane od wszystkich w tej organizacji.
two-factor-now-optional = Logowanie dwuskładnikowe jest teraz opcjonalne w tej organizacji.

## API tokens, the API reference and its problems
action-api_token_created = Utworzono token API
action-api_token_revoked = Odwołano token API
activity-event-api_token_created = Użytkownik { $actor } utworzył token API
activity-event-api_token_revoked = Użytkownik { $actor } odwołał token API
api-tokens-title = Tokeny API
api-tokens-lead = Osobisty token API pozwala Twoim własnym systemom korzystać z API portalu w Twoim imieniu – w ramach Twojej organizacji i z Twoimi rolami obowiązującymi w chwili wysłania każdego żądania. Zachowaj go w tajemnicy, tak jak hasło.
api-tokens-made = Twój nowy token API
api-tokens-made-once = Skopiuj go teraz: jest wyświetlany tylko ten jeden raz. Portal przechowuje wyłącznie jego odcisk.
api-tokens-name = Nazwa
api-tokens-name-hint = Do czego służy, na przykład „Synchronizacja rozliczeń”.
api-tokens-expires-on = Data wygaśnięcia
api-tokens-expires-hint = Opcjonalnie. Token przestanie działać z końcem tego dnia (UTC).
api-tokens-create = Utwórz token
api-tokens-yours = Twoje tokeny
api-tokens-none = Nie masz tokenów API.
api-tokens-created = Utworzono
api-tokens-expires = Wygasa
api-tokens-last-used = Ostatnie użycie
api-tokens-state = Stan
api-tokens-actions = Akcje
api-tokens-never = Nigdy
api-tokens-state-active = Aktywny
api-tokens-state-revoked = Odwołany
api-tokens-state-expired = Wygasł
api-tokens-revoke = Odwołaj
api-tokens-revoked = Token został odwołany i już nie działa.
api-tokens-revoke-confirm-title = Odwołać ten token API?
api-tokens-revoke-confirm-stops = Programy i skrypty, które go używają, zostaną odrzucone przy następnym żądaniu.
api-tokens-revoke-confirm-final = Tej operacji nie można cofnąć. Utwórz nowy token dla tego, co nadal go potrzebuje.
api-tokens-revoke-confirm = Odwołaj token
api-tokens-revoke-keep = Zachowaj token
api-tokens-revoke-confirm-js = Odwołać token API { $name }? Programy, które go używają, zostaną odrzucone przy następnym żądaniu. Tej operacji nie można cofnąć.
error-token-expiry-past = Wybierz dzień późniejszy niż dzisiejszy.
error-date = Wpisz datę w formacie YYYY-MM-DD.
api-reference-title = Dokumentacja API
api-reference-lead = Wszystkie operacje interfejsu REST API portalu, odczytane z jego dokumentu OpenAPI 3.1. Wysyłaj swój token w nagłówku Authorization: Bearer.
api-reference-document = Dokument OpenAPI (JSON)
api-reference-operations = Operacje
api-reference-parameters = Parametry
api-reference-name = Nazwa
api-reference-in = Miejsce
api-reference-required = Wymagany
api-reference-description = Opis
api-reference-yes = Tak
api-reference-no = Nie
api-reference-body = Treść żądania:
api-reference-responses = Odpowiedzi
api-reference-status = Kod stanu
api-reference-problems = Problemy
api-reference-problems-lead = Błędy są zwracane jako szczegóły problemu zgodne z RFC 9457 (application/problem+json); każdy rodzaj błędu ma własny typ.
api-problem-bad-request = Żądanie ma nieprawidłową postać
api-problem-bad-request-detail = Nie udało się odczytać żądania.
api-problem-json = Treść żądania nie jest danymi JSON, których oczekuje ta operacja.
api-problem-query = Jeden z parametrów zapytania jest nieprawidłowy.
api-problem-nul = Tekst nie może zawierać znaku NUL.
api-problem-cursor = Ten kursor nie pochodzi z tej listy.
api-problem-idempotency-key = Nagłówek Idempotency-Key musi zawierać identyfikator UUID.
api-problem-idempotency-key-reused = Ten Idempotency-Key został już wysłany z innym koszykiem. Wyślij ponownie to samo zamówienie albo utwórz nowy klucz dla nowego zamówienia.
api-problem-unauthorized = Wymagany jest prawidłowy token API
api-problem-forbidden = Twoje role nie pozwalają na tę operację
api-problem-forbidden-detail = Ta operacja wymaga jednej z ról: { $roles }.
api-problem-second-factor-required = Najpierw skonfiguruj logowanie dwuskładnikowe
api-problem-not-found = Nie znaleziono
api-problem-gone = Zasób nie jest już dostępny
api-problem-domain-taken = Domena podstawowa jest już używana
api-problem-out-of-keys = Dla jednego z produktów nie ma już kluczy
api-problem-purchase-not-active = Zakup nie jest aktywny
api-problem-already-decided = W sprawie zgłoszenia podjęto już decyzję
api-problem-not-a-cancellation = Zgłoszenie nie dotyczy anulowania
api-problem-not-a-cancellation-detail = Zatwierdzać lub odrzucać można tylko zgłoszenia anulowania.
api-problem-validation = Dane wejściowe są nieprawidłowe
api-problem-too-large = Żądanie jest za duże
api-problem-rate-limited = Zbyt wiele żądań
api-problem-rate-limited-detail = Ten token wysłał zbyt wiele żądań. Spróbuj ponownie za { $seconds ->
    [one] { $seconds } sekundę
    [few] { $seconds } sekundy
    [many] { $seconds } sekund
   *[other] { $seconds } sekund
}.
api-problem-unavailable = Portal jest niedostępny
api-problem-internal = Coś poszło nie tak
api-error-limit = Wybierz liczbę od 1 do { $max }.
api-error-status = Wybierz jedną z wartości: active, cancellation_requested, cancelled lub cancellable.
api-error-queue-view = Wybierz jedną z wartości: open, submitted, in_progress, approved, rejected, closed lub all.
api-error-duplicate-product = Każdy produkt podaj tylko raz.
