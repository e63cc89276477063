"""Held-out record-note templates: written after the record rules were fixed (see crm_notes.py).

Same shapes as the dev templates of ``crm_notes.py``; other wording, other sectors (bank,
housing, telecom, home care, school, gym, insurer). Scored once before any rule change;
docs/accuracy_sensitive.md gives that first score.
"""

from fouille.scanner.core.model import SENSITIVE_TYPES

H, R, S, U, P, E, C = SENSITIVE_TYPES  # health, religion, sexual orientation, union, political, ethnic, criminal

PREDICATES = [
    (H, "sous oxygène à domicile", "adj"),
    (H, "hémiplégique depuis son AVC", "adj"),
    (H, "atteint{e} de sclérose en plaques", "adj"),
    (H, "en rémission d'un lymphome", "adj"),
    (H, "suit une chimiothérapie au CHU", "verb"),
    (H, "porteur du VIH", "adj"),
    (H, "en cure de désintox jusqu'à fin {month}", "adj"),
    (H, "handicapé{e} moteur, accès PMR obligatoire", "adj"),
    (H, "sourd{e}, privilégier les SMS", "adj"),
    (H, "a fait une fausse couche en {month}", "verb"),
    (H, "en burn out depuis {month}", "adj"),
    (H, "dialysé{e} trois fois par semaine", "adj"),
    (R, "converti{e} à l'islam", "adj"),
    (R, "ne travaille pas le samedi, respecte le shabbat", "verb"),
    (R, "va à la mosquée le vendredi midi", "verb"),
    (R, "protestant{e} évangélique", "adj"),
    (R, "prie cinq fois par jour, prévoir une pause", "verb"),
    (S, "a fait son coming out au travail", "verb"),
    (S, "homo, ne pas mentionner à la famille", "adj"),
    (U, "élu{e} CFDT au comité", "adj"),
    (U, "syndicaliste Force ouvrière", "adj"),
    (U, "en grève avec la CGT depuis {day}", "adj"),
    (P, "militant{e} insoumis{e}", "adj"),
    (P, "encarté{e} chez Les Républicains", "adj"),
    (P, "d'extrême droite, propos tenus à l'accueil", "adj"),
    (E, "d'origine marocaine, parle peu français", "adj"),
    (E, "d'origine sénégalaise", "adj"),
    (E, "issu{e} de la communauté des gens du voyage", "adj"),
    (C, "placé{e} sous contrôle judiciaire jusqu'en {month}", "adj"),
    (C, "ancien{ne} détenu{e}, réinsertion en cours", "adj"),
    (C, "mis{e} en examen pour fraude", "adj"),
    (C, "a purgé une peine de prison", "verb"),
]

NOTES = [
    (H, "Assurance emprunteur : surprime appliquée, antécédent de cancer déclaré"),
    (H, "Aide à domicile : bénéficiaire malvoyante, lire le courrier à voix haute"),
    (H, "Box installée chez un abonné sous assistance respiratoire, priorité dépannage"),
    (H, "Élève autiste, AESH présente le matin"),
    (H, "Adhérente enceinte, suspendre l'abonnement salle de sport"),
    (H, "Sinistre {ref} : arrêt maladie de l'assurée pour dépression"),
    (R, "Locataire demande un délai pendant le ramadan qu'il fait chaque année"),
    (R, "Cantine scolaire : l'enfant mange casher, famille pratiquante"),
    (S, "Mme {nom} vit avec sa femme, mettre les deux titulaires"),
    (S, "M. {nom} est pacsé avec un homme, avenant au contrat"),
    # Fixed after the first score: a predicate note could pick a woman as subject.
    (S, "M. {nom} vit en couple avec un homme, son compagnon signe aussi"),
    (U, "Collaborateur délégué du personnel FO, entretien avec témoin syndical"),
    (P, "Usager membre de Reconquête, se plaint de l'affichage"),
    (E, "Candidate d'origine tunisienne, noter pour le rapport diversité"),
    (C, "Locataire sous bracelet électronique, horaires de sortie limités"),
    (C, "Client interpellé par la police à l'agence le {date}"),
]

NEUTRAL = [
    "Abonné a changé de box, ancienne à retourner",
    "Découvert autorisé relevé à 500 €",
    "Élève absent {day}, parents prévenus",
    "Salle de sport : badge perdu, nouveau badge édité",
    "Locataire signale une fuite dans la salle de bain",
    "Visite annuelle de la chaudière le {date}",
    "Souhaite passer au prélèvement mensuel",
    "Courrier retourné, adresse à vérifier",
]

HARD_NEGATIVES = [
    ("negation", "Aucune pathologie déclarée au questionnaire de santé"),
    ("negation", "Pas de handicap, case cochée par erreur"),
    ("negation", "Pas d'antécédent de cancer selon le questionnaire"),
    ("company", "Grève des éboueurs, collecte reportée"),
    ("company", "Agence fermée pour cause de grève CGT du personnel"),
    ("company", "Notre conseiller est malade, rappel par un collègue"),
    ("other_sense", "Devis pour le syndicat intercommunal des eaux"),
    ("other_sense", "Livraison enceinte portable JBL, couleur bleue"),
    ("other_sense", "Le chat de la cliente est sous traitement vétérinaire"),
    ("other_sense", "Parti en vacances jusqu'au {date}"),
    ("other_sense", "Prison Break coffret DVD commandé"),
    ("other_sense", "Salle réservée pour la communion de sa nièce, traiteur à confirmer"),
    ("catalogue", "Déambulateur 4 roues, réf. DB-400, 89 € TTC, garantie 2 ans"),
    ("question", "Est-ce que le contrat couvre une hospitalisation ?"),
    ("policy", "Ne pas saisir d'informations sur la santé des clients dans ce champ"),
    ("nationality", "Ressortissant tunisien, visa long séjour"),
    ("nationality", "Titre de séjour renouvelé, nationalité sénégalaise"),
    ("generic", "Campagne de dons pour la recherche contre le cancer"),
]
