using MedMassage.Notification.Api.Domain.Messages;

namespace MedMassage.Notification.Api.Domain.Templates;

internal static class SpanishTemplates
{
    private const string Contact = "\n\n{location}\n{address}\n{phone}";

    public static readonly IReadOnlyDictionary<MessageType, Template> All = new Dictionary<MessageType, Template>
    {
        [MessageType.AppointmentConfirmed] = new(
            "Su cita en {location} está confirmada",
            "Hola {patient}:\n\nSu cita con {therapist} está confirmada para el {time}.\nPara cambiarla o cancelarla, llámenos." + Contact,
            "{location}: cita confirmada para el {time}. ¿Preguntas? {phone}"),
        [MessageType.AppointmentChanged] = new(
            "Su cita en {location} ha cambiado",
            "Hola {patient}:\n\nSu cita con {therapist} ha pasado del {previous} al {time}." + Contact,
            "{location}: su cita ha cambiado al {time}. ¿Preguntas? {phone}"),
        [MessageType.AppointmentCancelled] = new(
            "Su cita en {location} ha sido cancelada",
            "Hola {patient}:\n\nSu cita del {time} ha sido cancelada. Llámenos para reservar otra hora." + Contact,
            "{location}: su cita del {time} está cancelada. Llame al {phone} para reservar."),
        [MessageType.AppointmentReminder] = new(
            "Recordatorio: su cita en {location}",
            "Hola {patient}:\n\nLe recordamos su cita con {therapist} el {time}." + Contact,
            "Recordatorio de {location}: cita el {time}. {address}. {phone}"),
        [MessageType.ReferralAccepted] = new(
            "Su derivación a {location} ha sido aceptada: reserve su primera visita",
            "Hola {patient}:\n\nHemos recibido y aceptado su derivación ({reference}). Su primera visita es una evaluación de unos 60 minutos.\nLlámenos para reservarla; la derivación es válida hasta el {validUntil}." + Contact,
            "{location}: su derivación ha sido aceptada. Llame al {phone} para reservar su primera visita."),
        [MessageType.WaitlistOffer] = new(
            "Hay una cita antes disponible en {location}",
            "Hola {patient}:\n\nHay una hora libre con {therapist} el {time}. Se la reservamos hasta el {expires}; llámenos antes para confirmarla." + Contact,
            "{location}: hora libre el {time}. Reservada hasta el {expires}. Llame al {phone}."),
        [MessageType.ReferralAcknowledged] = new(
            "Derivación {reference} recibida",
            "Estimado/a {physician}:\n\nHemos recibido su derivación {reference} y le informaremos cuando haya sido revisada." + Contact,
            "{location}: derivación {reference} recibida."),
        [MessageType.ReferralRejected] = new(
            "No hemos podido aceptar la derivación {reference}",
            "Estimado/a {physician}:\n\nNo hemos podido aceptar la derivación {reference}.\nPor la privacidad del paciente, el motivo no se envía por correo electrónico; llámenos y lo comentaremos con usted." + Contact,
            "{location}: derivación {reference} no aceptada. Llámenos para conocer el motivo."),
        [MessageType.EvaluationSummary] = new(
            "Evaluación completada para la derivación {reference}",
            "Estimado/a {physician}:\n\nLa evaluación de la derivación {reference} está completa. El resumen está disponible en este enlace seguro:\n{link}" + Contact,
            "{location}: resumen de evaluación de {reference}: {link}"),
        [MessageType.ClearanceRequest] = new(
            "Se solicita su autorización para la derivación {reference}",
            "Estimado/a {physician}:\n\nUn hallazgo en la evaluación de la derivación {reference} requiere su autorización antes de continuar parte del tratamiento.\nRevíselo y responda en este enlace seguro:\n{link}" + Contact,
            "{location}: autorización solicitada para {reference}: {link}"),
        [MessageType.TreatmentPlanForCertification] = new(
            "Plan de tratamiento de la derivación {reference}: certificación solicitada",
            "Estimado/a {physician}:\n\nEl plan de tratamiento de la derivación {reference} está listo para su certificación antes del {dueBy}.\nRevíselo y certifíquelo en este enlace seguro:\n{link}" + Contact,
            "{location}: el plan de {reference} requiere certificación antes del {dueBy}: {link}"),
        [MessageType.PlanCertificationRequest] = new(
            "Plan de tratamiento de la derivación {reference}: su certificación vence el {dueBy}",
            "Estimado/a {physician}:\n\nSu certificación del plan de tratamiento de la derivación {reference} vence el {dueBy}; sin ella, el tratamiento no puede continuar después de esa fecha.\nRevíselo y certifíquelo en este enlace seguro:\n{link}" + Contact,
            "{location}: certifique el plan de {reference} antes del {dueBy}: {link}"),
        [MessageType.ProgressReport] = new(
            "Informe de evolución de la derivación {reference}",
            "Estimado/a {physician}:\n\nHay un informe de evolución de la derivación {reference} disponible en este enlace seguro:\n{link}" + Contact,
            "{location}: informe de evolución de {reference}: {link}"),
        [MessageType.DischargeSummary] = new(
            "Informe de alta de la derivación {reference}",
            "Estimado/a {physician}:\n\nEl tratamiento de la derivación {reference} ha finalizado. El informe de alta está disponible en este enlace seguro:\n{link}" + Contact,
            "{location}: informe de alta de {reference}: {link}"),
        [MessageType.AuthorizationRunningOut] = new(
            "Autorización por agotarse: derivación {reference}",
            "A la derivación {reference} le quedan {remaining} visita(s) autorizada(s) y es válida hasta el {validUntil}. Solicite una ampliación o planifique el alta.",
            "Derivación {reference}: quedan {remaining} visita(s), válida hasta el {validUntil}."),
        [MessageType.ReEvaluationDue] = new(
            "Reevaluación pendiente: derivación {reference}",
            "La derivación {reference} necesita una reevaluación antes del {dueBy} ({count} visitas desde la última evaluación).",
            "Derivación {reference}: reevaluación antes del {dueBy}."),
        [MessageType.PlanCertificationDue] = new(
            "Certificación del plan pendiente: derivación {reference}",
            "La certificación médica del plan de tratamiento de la derivación {reference} vence el {dueBy}; ya se le ha solicitado al médico. Sin ella, no se podrá documentar ninguna visita después de esa fecha.",
            "Derivación {reference}: certificación del plan antes del {dueBy}."),
        [MessageType.UnsignedNotes] = new(
            "{count} nota(s) de visita sin firmar desde hace más de 24 horas",
            "{count} nota(s) de visita del terapeuta {therapist} llevan más de 24 horas sin firmar. Por favor, que se firmen.",
            "{count} nota(s) sin firmar > 24 h."),
        [MessageType.AdverseEvent] = new(
            "Evento adverso notificado: derivación {reference}",
            "Se ha notificado un evento adverso en una visita de la derivación {reference}: {description}\nRevise la nota de la visita.",
            "Evento adverso en la derivación {reference}."),
        [MessageType.DeliveryFailed] = new(
            "No se ha podido entregar un mensaje",
            "Un mensaje {type} por {channel} a {recipient} no se ha podido entregar tras {attempts} intento(s): {error}\nContacte con el destinatario por otra vía.",
            "Mensaje {type} a {recipient} no entregado."),
    };
}
