#include "localhttpserver.h"

#include <QHostAddress>
#include <QPointer>
#include <QSslServer>
#include <QTcpServer>
#include <QTcpSocket>
#include <QTimer>

namespace vigia::test {

namespace {
QByteArray usualReason(int status)
{
    switch (status) {
    case 200:
        return "OK";
    case 201:
        return "Created";
    case 204:
        return "No Content";
    case 301:
        return "Moved Permanently";
    case 302:
        return "Found";
    case 307:
        return "Temporary Redirect";
    case 400:
        return "Bad Request";
    case 401:
        return "Unauthorized";
    case 404:
        return "Not Found";
    case 418:
        return "I'm a teapot";
    case 500:
        return "Internal Server Error";
    case 503:
        return "Service Unavailable";
    default:
        return "Status";
    }
}

const char *const PendingProperty = "vigia_pending"; // bytes received on a connection so far
const char *const AnsweredProperty = "vigia_answered";
} // namespace

QByteArray LocalHttpServer::Request::header(const QByteArray &name) const
{
    for (const auto &entry : headers) {
        if (entry.first.compare(name, Qt::CaseInsensitive) == 0)
            return entry.second;
    }
    return {};
}

QString LocalHttpServer::Request::path() const
{
    return QString::fromUtf8(target.left(target.indexOf('?') < 0 ? target.size() : target.indexOf('?')));
}

LocalHttpServer::LocalHttpServer(QObject *parent)
    : QObject(parent)
    , m_server(new QTcpServer(this))
{
    listen();
}

LocalHttpServer::LocalHttpServer(const QSslConfiguration &tls, QObject *parent)
    : QObject(parent)
    , m_tls(true)
{
    auto *server = new QSslServer(this);
    server->setSslConfiguration(tls);
    m_server = server;
    listen();
}

void LocalHttpServer::listen()
{
    m_handler = [](const Request &) { return Response{200, {}, {}, QByteArrayLiteral("ok"), 0, false}; };
    // QSslServer hands out a connection once it is encrypted; a plain server at once.
    connect(m_server, &QTcpServer::pendingConnectionAvailable, this, &LocalHttpServer::onNewConnection);
    m_server->listen(QHostAddress::LocalHost, 0);
}

LocalHttpServer::~LocalHttpServer()
{
    for (QTcpSocket *socket : std::as_const(m_sockets))
        socket->disconnect(this);
}

bool LocalHttpServer::isListening() const
{
    return m_server->isListening();
}

QUrl LocalHttpServer::url(const QString &pathAndQuery) const
{
    return QUrl(QStringLiteral("%1://127.0.0.1:%2%3")
                    .arg(m_tls ? QLatin1String("https") : QLatin1String("http"))
                    .arg(m_server->serverPort())
                    .arg(pathAndQuery));
}

quint16 LocalHttpServer::closedPort()
{
    QTcpServer probe;
    probe.listen(QHostAddress::LocalHost, 0);
    const quint16 port = probe.serverPort();
    probe.close();
    return port;
}

void LocalHttpServer::onNewConnection()
{
    while (QTcpSocket *socket = m_server->nextPendingConnection()) {
        m_sockets.insert(socket);
        connect(socket, &QTcpSocket::readyRead, this, [this, socket] { onReadyRead(socket); });
        connect(socket, &QTcpSocket::disconnected, this, [this, socket] {
            m_sockets.remove(socket);
            socket->deleteLater();
        });
    }
}

void LocalHttpServer::onReadyRead(QTcpSocket *socket)
{
    QByteArray pending = socket->property(PendingProperty).toByteArray() + socket->readAll();
    socket->setProperty(PendingProperty, pending);
    if (socket->property(AnsweredProperty).toBool())
        return;
    const qsizetype headerEnd = pending.indexOf("\r\n\r\n");
    if (headerEnd < 0)
        return;
    Request request;
    const QList<QByteArray> lines = pending.left(headerEnd).split('\n');
    const QList<QByteArray> requestLine = lines.value(0).trimmed().split(' ');
    request.method = requestLine.value(0);
    request.target = requestLine.value(1);
    for (qsizetype i = 1; i < lines.size(); ++i) {
        const QByteArray line = lines.at(i).trimmed();
        const qsizetype colon = line.indexOf(':');
        if (colon > 0)
            request.headers.append({line.left(colon).trimmed(), line.mid(colon + 1).trimmed()});
    }
    const qsizetype length = request.header("Content-Length").toLongLong();
    if (pending.size() < headerEnd + 4 + length)
        return; // the body is still coming
    request.body = pending.mid(headerEnd + 4, length);
    socket->setProperty(AnsweredProperty, true);
    m_requests.append(request);
    const Response response = m_handler(request);
    emit requestReceived();
    if (response.hold)
        return;
    if (response.delayMs > 0) {
        QPointer<QTcpSocket> guard(socket);
        QTimer::singleShot(response.delayMs, this, [this, guard, request, response] {
            if (guard && m_sockets.contains(guard))
                respond(guard, request, response);
        });
        return;
    }
    respond(socket, request, response);
}

void LocalHttpServer::respond(QTcpSocket *socket, const Request &request, const Response &response)
{
    QByteArray head = "HTTP/1.1 " + QByteArray::number(response.status) + ' ' +
                      (response.reason.isEmpty() ? usualReason(response.status) : response.reason) + "\r\n";
    const bool noBody = response.status == 204 || response.status == 304;
    if (!noBody)
        head += "Content-Length: " + QByteArray::number(response.body.size()) + "\r\n";
    head += "Connection: close\r\n";
    for (const auto &header : response.headers)
        head += header.first + ": " + header.second + "\r\n";
    head += "\r\n";
    socket->write(head);
    if (!noBody && request.method != "HEAD")
        socket->write(response.body);
    socket->disconnectFromHost(); // after the pending bytes are written
}

} // namespace vigia::test
