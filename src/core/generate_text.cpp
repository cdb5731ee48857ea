// generate_text.cpp: survey verbatims, keyed to the reason behind the score, in six languages.
#include "generate_parts.h"

namespace cb::gen {

// Two phrasings per cause and language; "{n}" is replaced by the number of transfers (English only).
static const char* const kVerbatims[kLangCount][kCauseCount][2] = {
    {// en
     {"The engineer was knowledgeable and fast. Issue fixed on the first call, thank you!",
      "Great support experience, clear communication and a quick resolution."},
     {"Issue resolved, took a bit longer than expected but OK overall.",
      "Fine. The fix worked, nothing special to add."},
     {"Nobody called back when promised. We waited hours for a first response on a critical issue.",
      "The initial response was far too slow for the severity we opened."},
     {"I was transferred {n} times and had to explain the problem again to every new engineer.",
      "Case bounced between teams, nobody seemed to own it."},
     {"We never agreed on what the problem actually was, so the engineer kept solving the wrong thing.",
      "No clear scope or plan at the start; we lost days going in circles."},
     {"The case was closed too early and the issue came back the next day.",
      "Had to reopen the case, the first fix did not hold."},
     {"The problem is still not fixed, the case was closed without our confirmation.",
      "Workaround only, the root cause was never addressed."},
     {"Resolution took weeks for something that should have been simple.",
      "Very slow progress, updates were rare and we had to chase every time."}},
    {// de
     {"Der Techniker war kompetent und schnell. Vielen Dank für die tolle Unterstützung!",
      "Sehr gute Kommunikation und eine schnelle Lösung."},
     {"Problem gelöst, hat etwas länger gedauert, aber insgesamt in Ordnung.",
      "In Ordnung, die Lösung funktioniert."},
     {"Niemand hat wie versprochen zurückgerufen. Wir haben stundenlang auf eine erste Antwort gewartet.",
      "Die erste Reaktion kam viel zu spät für einen kritischen Fall."},
     {"Ich wurde mehrmals weitergeleitet und musste das Problem jedes Mal neu erklären.",
      "Der Fall wurde zwischen Teams hin- und hergeschoben."},
     {"Es wurde nie klar vereinbart, worum es eigentlich geht.",
      "Kein klarer Umfang zu Beginn, wir haben Tage verloren."},
     {"Der Fall wurde zu früh geschlossen und das Problem trat am nächsten Tag wieder auf.",
      "Wir mussten den Fall erneut öffnen."},
     {"Das Problem besteht weiterhin, der Fall wurde ohne unsere Bestätigung geschlossen.",
      "Nur ein Workaround, die Ursache wurde nie behoben."},
     {"Die Lösung hat Wochen gedauert.", "Sehr langsamer Fortschritt, wir mussten ständig nachfragen."}},
    {// fr
     {"L'ingénieur était compétent et rapide. Merci beaucoup !",
      "Très bonne expérience, communication claire et résolution rapide."},
     {"Problème résolu, un peu long mais correct dans l'ensemble.", "Correct, la solution fonctionne."},
     {"Personne ne nous a rappelés comme promis. La première réponse a pris des heures.",
      "Première réponse beaucoup trop lente pour un incident critique."},
     {"J'ai été transféré plusieurs fois et j'ai dû tout réexpliquer à chaque fois.",
      "Le dossier a été renvoyé d'une équipe à l'autre."},
     {"Nous ne nous sommes jamais mis d'accord sur le périmètre du problème.",
      "Pas de cadrage clair au départ, nous avons perdu plusieurs jours."},
     {"Le dossier a été fermé trop tôt et le problème est revenu le lendemain.",
      "Nous avons dû rouvrir le dossier."},
     {"Le problème n'est toujours pas résolu.",
      "Seulement un contournement, la cause n'a jamais été traitée."},
     {"La résolution a pris des semaines.", "Avancement très lent, il fallait relancer à chaque fois."}},
    {// es
     {"El ingeniero fue muy competente y rápido. ¡Muchas gracias!",
      "Excelente experiencia, comunicación clara y solución rápida."},
     {"Problema resuelto, tardó un poco más de lo esperado.", "Correcto, la solución funciona."},
     {"Nadie nos devolvió la llamada como prometieron. Esperamos horas una primera respuesta.",
      "La primera respuesta fue demasiado lenta para un caso crítico."},
     {"Me transfirieron varias veces y tuve que explicar el problema de nuevo cada vez.",
      "El caso pasó de un equipo a otro sin dueño claro."},
     {"Nunca acordamos cuál era realmente el problema.", "Sin un alcance claro al inicio, perdimos días."},
     {"Cerraron el caso demasiado pronto y el problema volvió al día siguiente.",
      "Tuvimos que reabrir el caso."},
     {"El problema sigue sin resolverse.", "Solo una solución temporal, nunca se abordó la causa."},
     {"La resolución tardó semanas.", "Avance muy lento, teníamos que insistir siempre."}},
    {// el
     {"Ο μηχανικός ήταν γρήγορος και πολύ καταρτισμένος. Ευχαριστούμε!",
      "Εξαιρετική εξυπηρέτηση και γρήγορη λύση."},
     {"Το πρόβλημα λύθηκε, αλλά πήρε λίγο περισσότερο χρόνο.", "Εντάξει, η λύση λειτουργεί."},
     {"Κανείς δεν μας κάλεσε πίσω όπως υποσχέθηκε.", "Η πρώτη απάντηση άργησε πάρα πολύ."},
     {"Με μετέφεραν πολλές φορές και έπρεπε να εξηγώ το πρόβλημα από την αρχή.",
      "Το αίτημα πήγαινε από ομάδα σε ομάδα."},
     {"Δεν συμφωνήσαμε ποτέ ποιο ήταν το πραγματικό πρόβλημα.", "Χάσαμε μέρες χωρίς σαφές πλάνο."},
     {"Το αίτημα έκλεισε νωρίς και το πρόβλημα επανήλθε.", "Χρειάστηκε να ανοίξουμε ξανά το αίτημα."},
     {"Το πρόβλημα δεν έχει λυθεί ακόμα.", "Μόνο προσωρινή λύση, η αιτία δεν αντιμετωπίστηκε."},
     {"Η επίλυση πήρε εβδομάδες.", "Πολύ αργή πρόοδος, έπρεπε να ρωτάμε συνεχώς."}},
    {// ru
     {"Инженер был компетентен и быстро решил проблему. Спасибо!",
      "Отличная поддержка, понятное общение и быстрое решение."},
     {"Проблема решена, хотя и дольше, чем ожидалось.", "Нормально, решение работает."},
     {"Никто не перезвонил, как обещали. Первого ответа ждали несколько часов.",
      "Первый ответ был слишком медленным для критичной проблемы."},
     {"Меня несколько раз переводили, и каждый раз приходилось объяснять всё заново.",
      "Обращение передавали из команды в команду."},
     {"Мы так и не договорились, в чём именно проблема.", "Без чёткого плана мы потеряли несколько дней."},
     {"Обращение закрыли слишком рано, и проблема вернулась на следующий день.",
      "Пришлось открывать обращение повторно."},
     {"Проблема до сих пор не решена.", "Только обходное решение, причина так и не устранена."},
     {"Решение заняло несколько недель.", "Очень медленно, приходилось постоянно напоминать."}},
};

static const char* const kNumberWords[] = {"two", "three", "four", "five", "six"};

std::string verbatim_text(Rng& rng, Cause cause, Lang lang, int transfers) {
    std::string text = kVerbatims[lang][cause][rng.below(2)];
    const size_t at = text.find("{n}");
    if (at != std::string::npos) {
        const int i = transfers < 2 ? 0 : transfers > 6 ? 4 : transfers - 2;
        text.replace(at, 3, kNumberWords[i]);
    }
    return text;
}

}  // namespace cb::gen
